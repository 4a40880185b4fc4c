import { notificationsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { NotificationsService } from './notifications.service.js';

/** The signed-in user's notices. */
export const notificationsRoutes: FastifyPluginAsyncZod<{
  notifications: NotificationsService;
}> = async (app, { notifications }) => {
  app.route({
    ...fromContract(contract.list),
    handler: async (request) => notifications.list({ user: request.auth!.user }),
  });

  app.route({
    ...fromContract(contract.markRead),
    handler: async (request, reply) => {
      await notifications.markRead({ user: request.auth!.user, ids: request.body.ids });
      return reply.code(204).send(null);
    },
  });
};
