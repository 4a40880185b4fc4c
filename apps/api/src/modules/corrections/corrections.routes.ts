import { correctionsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CorrectionsService } from './corrections.service.js';

/** Corrections (Art. 16 GDPR) of a person record or a report, by registrars. */
export const correctionsRoutes: FastifyPluginAsyncZod<{ corrections: CorrectionsService }> = async (
  app,
  { corrections },
) => {
  app.route({
    ...fromContract(contract.correctPerson),
    handler: async (request) =>
      corrections.person({
        actor: request.auth!.user,
        id: request.params.id,
        request: request.body,
      }),
  });

  app.route({
    ...fromContract(contract.correctIncident),
    handler: async (request) =>
      corrections.incident({
        actor: request.auth!.user,
        id: request.params.id,
        request: request.body,
      }),
  });
};
