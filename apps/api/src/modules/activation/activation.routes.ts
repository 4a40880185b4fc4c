import { activationContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ActivationService } from './activation.service.js';

/** Activation links: the administrator (re-)issues one, the employee sets their password with it. */
export const activationRoutes: FastifyPluginAsyncZod<{ activation: ActivationService }> = async (
  app,
  { activation },
) => {
  app.route({
    ...fromContract(contract.activate),
    handler: async (request) => activation.activate(request.body),
  });

  app.route({
    ...fromContract(contract.reissue),
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await activation.reissue({ actor: request.auth!.user.id, userId: request.params.id }),
        ),
  });
};
