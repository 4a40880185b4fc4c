import { Problem, SetupAdminRequest, SetupStatus } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SetupService } from './setup.service.js';

/** First run: is setup needed, and create the first administrator with the one-time link. */
export const setupRoutes: FastifyPluginAsyncZod<{ setup: SetupService }> = async (
  app,
  { setup },
) => {
  app.get(
    '/api/v1/setup',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Whether the first administrator must still be created',
        response: { 200: SetupStatus },
      },
    },
    async () => ({ required: await setup.isRequired() }),
  );

  app.post(
    '/api/v1/setup/admin',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Create the first administrator with the one-time setup token',
        body: SetupAdminRequest,
        response: {
          201: z.object({ username: z.string() }),
          400: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { user } = await setup.completeSetup(request.body);
      return reply.code(201).send({ username: user.username });
    },
  );
};
