import { z } from 'zod';
import { IncidentList } from './incidents.schemas.js';
import {
  LinkPersonRequest,
  MergePersonsRequest,
  Person,
  PersonCandidate,
} from './listings.schemas.js';
import { REGISTER_PROBLEM_STATUSES, route } from './route.js';

const IdParams = z.object({ id: z.uuid() });

const InvolvedParams = z.object({ id: z.uuid(), involvedId: z.uuid() });

/** Person records: link reported persons, suggestions, merge (registrars). */
export const personsContract = {
  suggestions: route({
    method: 'GET',
    path: '/api/v1/incidents/:id/persons/:involvedId/suggestions',
    access: 'incident.review',
    tag: 'persons',
    summary: 'Person records that may be the reported person',
    params: InvolvedParams,
    status: 200,
    response: z.object({ candidates: z.array(PersonCandidate) }),
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  link: route({
    method: 'POST',
    path: '/api/v1/incidents/:id/persons/:involvedId/link',
    access: 'incident.review',
    tag: 'persons',
    summary: 'Link a reported person to a record, or create the record',
    params: InvolvedParams,
    body: LinkPersonRequest,
    status: 200,
    response: Person,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/persons/:id',
    access: 'listing.manage',
    tag: 'persons',
    summary: 'A person record',
    params: IdParams,
    status: 200,
    response: Person,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  incidents: route({
    method: 'GET',
    path: '/api/v1/persons/:id/incidents',
    access: 'listing.manage',
    tag: 'persons',
    summary: 'The reports linked to a person',
    params: IdParams,
    status: 200,
    response: IncidentList,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  merge: route({
    method: 'POST',
    path: '/api/v1/persons/:id/merge',
    access: 'listing.manage',
    tag: 'persons',
    summary: 'Merge another record into this one (names, addresses, reports, listings move)',
    params: IdParams,
    body: MergePersonsRequest,
    status: 200,
    response: Person,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
};
