import { identityContract as contract } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/app-error.js';
import { fromContract } from '../../http/contract-route.js';
import type { SessionCookie } from '../../http/session-cookie.js';
import type { IdentityService } from './identity.service.js';

/** Sign-in, the current session, sign-out. */
export const identityRoutes: FastifyPluginAsyncZod<{
  identity: IdentityService;
  cookie: SessionCookie;
}> = async (app, { identity, cookie }) => {
  app.route({
    ...fromContract(contract.signIn),
    handler: async (request, reply) => {
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
  });

  app.route({
    ...fromContract(contract.session),
    handler: async (request) => request.auth!.info,
  });

  app.route({
    ...fromContract(contract.signOut),
    handler: async (request, reply) => {
      const auth = request.auth!;
      await identity.signOut({ tokenHash: auth.tokenHash, actor: auth.user.id });
      cookie.clear(reply);
      return reply.code(204).send(null);
    },
  });
};
