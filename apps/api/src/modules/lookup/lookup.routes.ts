import { lookupContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LookupService } from './lookup.service.js';

/** Look-ups before a visit (field staff and registrars); every one is audited. */
export const lookupRoutes: FastifyPluginAsyncZod<{ lookup: LookupService }> = async (
  app,
  { lookup },
) => {
  app.route({
    ...fromContract(contract.lookup),
    handler: async (request, reply) => {
      // The answer carries register data: never cached, also not by a proxy or the browser.
      reply.header('cache-control', 'no-store');
      return lookup.lookup({ actor: request.auth!.user, request: request.body });
    },
  });

  app.route({
    ...fromContract(contract.reasons),
    handler: async () => lookup.reasons(),
  });
};
