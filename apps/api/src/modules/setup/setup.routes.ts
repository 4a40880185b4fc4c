import { setupContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SetupService } from './setup.service.js';

/** First run: is setup needed, and create the first administrator with the one-time link. */
export const setupRoutes: FastifyPluginAsyncZod<{ setup: SetupService }> = async (
  app,
  { setup },
) => {
  app.route({
    ...fromContract(contract.status),
    handler: async () => ({ required: await setup.isRequired() }),
  });

  app.route({
    ...fromContract(contract.createAdmin),
    handler: async (request, reply) => {
      const { user } = await setup.completeSetup(request.body);
      return reply.code(201).send({ username: user.username });
    },
  });
};
