import {
  Incident,
  IncidentCorrectionRequest,
  Person,
  PersonCorrectionRequest,
} from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGISTER_PROBLEMS } from '../../http/problem.js';
import type { CorrectionsService } from './corrections.service.js';

const errors = REGISTER_PROBLEMS;
const IdParams = z.object({ id: z.uuid() });

/** Corrections (Art. 16 GDPR) of a person record or a report, by registrars. */
export const correctionsRoutes: FastifyPluginAsyncZod<{ corrections: CorrectionsService }> = async (
  app,
  { corrections },
) => {
  app.post(
    '/api/v1/persons/:id/corrections',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags: ['persons'],
        summary:
          'Correct a person record (names, aliases, date of birth, addresses) with a reason; send the updatedAt seen',
        params: IdParams,
        body: PersonCorrectionRequest,
        response: { 200: Person, ...errors },
      },
    },
    async (request) =>
      corrections.person({
        actor: request.auth!.user,
        id: request.params.id,
        request: request.body,
      }),
  );

  app.post(
    '/api/v1/incidents/:id/corrections',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags: ['incidents'],
        summary: 'Correct a report (not one’s own) with a reason; send the version seen',
        params: IdParams,
        body: IncidentCorrectionRequest,
        response: { 200: Incident, ...errors },
      },
    },
    async (request) =>
      corrections.incident({
        actor: request.auth!.user,
        id: request.params.id,
        request: request.body,
      }),
  );
};
