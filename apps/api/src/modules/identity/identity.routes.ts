import { Problem, SessionInfo, SignInRequest } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { SessionCookie } from '../../http/session-cookie.js';
import type { IdentityService } from './identity.service.js';

/** Sign-in, the current session, sign-out. */
export const identityRoutes: FastifyPluginAsyncZod<{
  identity: IdentityService;
  cookie: SessionCookie;
}> = async (app, { identity, cookie }) => {
  app.post(
    '/api/v1/session',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with user name and password',
        body: SignInRequest,
        response: { 200: SessionInfo, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const result = await identity.signIn({
        ...request.body,
        clientAddress: request.ip,
        previousToken: cookie.read(request),
      });
      if (!result.ok) {
        cookie.clear(reply);
        if (result.retryAfterMs !== undefined) {
          reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
          throw new AppError(429, 'auth.throttled');
        }
        throw new AppError(401, 'auth.invalid_credentials');
      }
      cookie.set(reply, result.token, new Date(result.info.absoluteExpiresAt));
      return result.info;
    },
  );

  app.get(
    '/api/v1/session',
    {
      // `session`: the web app learns from it that a second factor is still due.
      config: { permission: 'session' },
      schema: {
        tags: ['identity'],
        summary: 'The signed-in user, their roles, abilities and second-factor state',
        response: { 200: SessionInfo, 401: Problem },
      },
    },
    async (request) => request.auth!.info,
  );

  app.delete(
    '/api/v1/session',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['identity'],
        summary: 'Sign out: ends the session on the server',
        response: { 204: z.null(), 401: Problem },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      await identity.signOut({ tokenHash: auth.tokenHash, actor: auth.user.id });
      cookie.clear(reply);
      return reply.code(204).send(null);
    },
  );
};
