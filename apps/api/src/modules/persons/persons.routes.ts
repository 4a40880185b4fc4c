import { personsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PersonsService } from './persons.service.js';

/** Person records: link reported persons, suggestions, merge (registrars). */
export const personsRoutes: FastifyPluginAsyncZod<{ persons: PersonsService }> = async (
  app,
  { persons },
) => {
  app.route({
    ...fromContract(contract.suggestions),
    handler: async (request) =>
      persons.suggestions({
        actor: request.auth!.user,
        incidentId: request.params.id,
        involvedId: request.params.involvedId,
      }),
  });

  app.route({
    ...fromContract(contract.link),
    handler: async (request) =>
      persons.link({
        actor: request.auth!.user,
        incidentId: request.params.id,
        involvedId: request.params.involvedId,
        request: request.body,
      }),
  });

  app.route({
    ...fromContract(contract.get),
    handler: async (request) => persons.get({ actor: request.auth!.user, id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.incidents),
    handler: async (request) =>
      persons.incidents({ actor: request.auth!.user, id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.merge),
    handler: async (request) =>
      persons.merge({
        actor: request.auth!.user,
        keepId: request.params.id,
        mergeId: request.body.mergeId,
        reason: request.body.reason,
      }),
  });
};
