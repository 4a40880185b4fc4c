import { DemoInfo, DemoSignInRequest, Problem, SessionInfo } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/app-error.js';
import type { SessionCookie } from '../../http/session-cookie.js';
import type { DemoService } from './demo.service.js';

/**
 * The demo instance's sign-in page: whether this is a demo, its accounts, and one-click
 * sign-in as one of them. Outside demo mode the list is empty and sign-in is refused.
 */
export const demoRoutes: FastifyPluginAsyncZod<{
  enabled: boolean;
  demo: DemoService;
  cookie: SessionCookie;
}> = async (app, { enabled, demo, cookie }) => {
  app.get(
    '/api/v1/demo',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['demo'],
        summary: 'Whether this is a demo instance, and its demo accounts',
        response: { 200: DemoInfo },
      },
    },
    async () =>
      enabled
        ? { enabled: true, ...(await demo.listAccounts()) }
        : { enabled: false, accounts: [] },
  );

  app.post(
    '/api/v1/demo/sign-in',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['demo'],
        summary: 'Sign in as a demo account without a password (demo instances only)',
        body: DemoSignInRequest,
        response: { 200: SessionInfo, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      if (!enabled) throw new AppError(404, 'demo.not_enabled');
      const { token, info } = await demo.signIn({
        username: request.body.username,
        previousToken: cookie.read(request),
      });
      cookie.set(reply, token, new Date(info.absoluteExpiresAt));
      return info;
    },
  );
};
