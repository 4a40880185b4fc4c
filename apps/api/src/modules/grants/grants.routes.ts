import { grantsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { GrantsService } from './grants.service.js';

/** Role grants: grant, four-eyes confirmation, revocation, re-certification (administrators). */
export const grantsRoutes: FastifyPluginAsyncZod<{ grants: GrantsService }> = async (
  app,
  { grants },
) => {
  app.route({
    ...fromContract(contract.grant),
    handler: async (request, reply) =>
      reply.code(201).send(
        await grants.grant({
          actor: request.auth!.user.id,
          userId: request.params.id,
          ...request.body,
        }),
      ),
  });

  app.route({
    ...fromContract(contract.confirm),
    handler: async (request, reply) => {
      await grants.confirm({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
      });
      return reply.code(204).send(null);
    },
  });

  // Actions that remove a grant and must say why.

  app.route({
    ...fromContract(contract.decline),
    handler: async (request, reply) => {
      await grants.decline({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...fromContract(contract.revoke),
    handler: async (request, reply) => {
      await grants.revoke({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...fromContract(contract.recertify),
    handler: async (request) =>
      grants.recertify({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
      }),
  });

  app.route({
    ...fromContract(contract.listPending),
    handler: async () => grants.listPending(),
  });

  app.route({
    ...fromContract(contract.listDue),
    handler: async () => grants.listDue(),
  });
};
