import { NoticeList, Problem } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];

/** The signed-in user's notices. */
export const notificationsRoutes: FastifyPluginAsyncZod<{
  notifications: NotificationsService;
}> = async (app, { notifications }) => {
  app.get(
    '/api/v1/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'My notices, and for registrars what waits for them',
        response: { 200: NoticeList, 401: Problem },
      },
    },
    async (request) => notifications.list({ user: request.auth!.user }),
  );

  app.post(
    '/api/v1/notifications/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark notices as read',
        body: z.object({ ids: z.array(z.uuid()).max(100) }),
        response: { 204: z.null(), 400: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      await notifications.markRead({ user: request.auth!.user, ids: request.body.ids });
      return reply.code(204).send(null);
    },
  );
};
