import { usersContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UsersService } from './users.service.js';

/** User administration (administrators only; never register content). Grants: grants.routes.ts. */
export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (
  app,
  { users },
) => {
  app.route({
    ...fromContract(contract.search),
    handler: async (request) => users.search(request.query),
  });

  app.route({
    ...fromContract(contract.create),
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await users.create({ actor: request.auth!.user.id, input: request.body })),
  });

  app.route({
    ...fromContract(contract.get),
    handler: async (request) => users.get({ id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.update),
    handler: async (request) =>
      users.update({ actor: request.auth!.user.id, id: request.params.id, input: request.body }),
  });

  app.route({
    ...fromContract(contract.disable),
    handler: async (request, reply) => {
      const { pending, user } = await users.disable({
        actor: request.auth!.user.id,
        id: request.params.id,
        reason: request.body.reason,
      });
      return reply.code(pending ? 202 : 200).send(user);
    },
  });

  app.route({
    ...fromContract(contract.enable),
    handler: async (request, reply) => {
      const { pending, user } = await users.enable({
        actor: request.auth!.user.id,
        id: request.params.id,
      });
      return reply.code(pending ? 202 : 200).send(user);
    },
  });

  app.route({
    ...fromContract(contract.statusRequests),
    handler: async () => users.statusRequests.listPending(),
  });

  app.route({
    ...fromContract(contract.confirmStatusRequest),
    handler: async (request) => {
      await users.statusRequests.confirm({ actor: request.auth!.user.id, id: request.params.id });
      return users.get({ id: request.params.id });
    },
  });

  app.route({
    ...fromContract(contract.declineStatusRequest),
    handler: async (request) => {
      await users.statusRequests.decline({
        actor: request.auth!.user.id,
        id: request.params.id,
        reason: request.body.reason,
      });
      return users.get({ id: request.params.id });
    },
  });
};
