import { SSO_ERROR_PARAM, SsoConfig, type SsoErrorCode } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SessionCookie } from '../../http/session-cookie.js';
import type { SsoService } from './sso.service.js';

/** Where a failed single sign-on lands: the sign-in page with the error code, nothing else. */
export function signInPageFor(code: SsoErrorCode): string {
  return `/sign-in?${SSO_ERROR_PARAM}=${encodeURIComponent(code)}`;
}

const CallbackQuery = z
  .object({
    code: z.string(),
    state: z.string(),
    iss: z.string(),
    error: z.string(),
    error_description: z.string(),
    session_state: z.string(),
  })
  .partial();

/** Single sign-on with OpenID Connect: the button's settings, the start and the provider's callback. */
export const ssoRoutes: FastifyPluginAsyncZod<{
  sso: SsoService;
  cookie: SessionCookie;
}> = async (app, { sso, cookie }) => {
  app.get(
    '/api/v1/sso/config',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['sso'],
        summary: 'Whether single sign-on is offered, and the button text',
        response: { 200: SsoConfig },
      },
    },
    async () => sso.publicConfig(),
  );

  app.get(
    '/api/v1/sso/start',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['sso'],
        summary: 'Starts a sign-in at the identity provider (302 there, or back to /sign-in)',
        response: { 302: z.null() },
      },
    },
    async (_request, reply) => {
      const result = await sso.start();
      return reply.redirect(result.ok ? result.url.href : signInPageFor(result.code), 302);
    },
  );

  app.get(
    '/api/v1/sso/callback',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['sso'],
        summary: 'The identity provider sends the browser back here (302 to / or /sign-in)',
        querystring: CallbackQuery,
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
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
  );
};
