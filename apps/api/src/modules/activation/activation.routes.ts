import { ActivateAccountRequest, ActivationLink, Problem } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ActivationService } from './activation.service.js';

/** Activation links: the administrator (re-)issues one, the employee sets their password with it. */
export const activationRoutes: FastifyPluginAsyncZod<{ activation: ActivationService }> = async (
  app,
  { activation },
) => {
  app.post(
    '/api/v1/activation',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['organisation'],
        summary: 'Set one’s own password with the token of a one-time activation link',
        body: ActivateAccountRequest,
        response: { 200: z.object({ username: z.string() }), 400: Problem },
      },
    },
    async (request) => activation.activate(request.body),
  );

  app.post(
    '/api/v1/users/:id/activation-link',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['organisation'],
        summary: 'Issue a new activation link for an account not yet activated (earlier links end)',
        params: z.object({ id: z.uuid() }),
        response: { 201: ActivationLink, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await activation.reissue({ actor: request.auth!.user.id, userId: request.params.id }),
        ),
  );
};
