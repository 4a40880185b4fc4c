import { z } from 'zod';
import { IncidentCorrectionRequest, PersonCorrectionRequest } from './corrections.schemas.js';
import { Incident } from './incidents.schemas.js';
import { Person } from './listings.schemas.js';
import { REGISTER_PROBLEM_STATUSES, route } from './route.js';

const IdParams = z.object({ id: z.uuid() });

/** Corrections (Art. 16 GDPR) of persons and incidents (registrars). */
export const correctionsContract = {
  correctPerson: route({
    method: 'POST',
    path: '/api/v1/persons/:id/corrections',
    access: 'listing.manage',
    tag: 'persons',
    summary:
      'Correct a person record (names, aliases, date of birth, addresses) with a reason; send the updatedAt seen',
    params: IdParams,
    body: PersonCorrectionRequest,
    status: 200,
    response: Person,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  correctIncident: route({
    method: 'POST',
    path: '/api/v1/incidents/:id/corrections',
    access: 'listing.manage',
    tag: 'incidents',
    summary: 'Correct a report (not one’s own) with a reason; send the version seen',
    params: IdParams,
    body: IncidentCorrectionRequest,
    status: 200,
    response: Incident,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
};
