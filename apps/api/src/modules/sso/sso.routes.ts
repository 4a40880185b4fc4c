import { SSO_ERROR_PARAM, type SsoErrorCode, ssoContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SessionCookie } from '../../http/session-cookie.js';
import type { SsoService } from './sso.service.js';

/** Where a failed single sign-on lands: the sign-in page with the error code, nothing else. */
export function signInPageFor(code: SsoErrorCode): string {
  return `/sign-in?${SSO_ERROR_PARAM}=${encodeURIComponent(code)}`;
}

/** Single sign-on with OpenID Connect: the button's settings, the start and the provider's callback. */
export const ssoRoutes: FastifyPluginAsyncZod<{
  sso: SsoService;
  cookie: SessionCookie;
}> = async (app, { sso, cookie }) => {
  app.route({
    ...fromContract(contract.config),
    handler: async () => sso.publicConfig(),
  });

  app.route({
    ...fromContract(contract.start),
    handler: async (_request, reply) => {
      const result = await sso.start();
      return reply.redirect(result.ok ? result.url.href : signInPageFor(result.code), 302);
    },
  });

  app.route({
    ...fromContract(contract.callback),
    handler: async (request, reply) => {
      // The raw query, exactly as the provider sent it (the ID token checks read `iss` too).
      const query = new URLSearchParams(request.raw.url?.split('?')[1] ?? '');
      const result = await sso.callback({ query, previousToken: cookie.read(request) });
      if (!result.ok) {
        cookie.clear(reply);
        return reply.redirect(signInPageFor(result.code), 302);
      }
      cookie.set(reply, result.token, new Date(result.info.absoluteExpiresAt));
      return reply.redirect('/', 302);
    },
  });
};
