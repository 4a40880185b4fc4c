import { visitsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { VisitsService } from './visits.service.js';

/** Visit lists: a day's names and addresses checked in one batch, every line audited. */
export const visitsRoutes: FastifyPluginAsyncZod<{ visits: VisitsService }> = async (
  app,
  { visits },
) => {
  app.route({
    ...fromContract(contract.check),
    handler: async (request, reply) => {
      // The answer carries register data: never cached, also not by a proxy or the browser.
      reply.header('cache-control', 'no-store');
      return visits.check({ actor: request.auth!.user, request: request.body });
    },
  });
};
