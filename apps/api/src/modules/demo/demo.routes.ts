import { demoContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
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
  app.route({
    ...fromContract(contract.info),
    handler: async () =>
      enabled
        ? { enabled: true, ...(await demo.listAccounts()) }
        : { enabled: false, accounts: [] },
  });

  app.route({
    ...fromContract(contract.signIn),
    handler: async (request, reply) => {
      if (!enabled) throw new AppError(404, 'demo.not_enabled');
      const { token, info } = await demo.signIn({
        username: request.body.username,
        previousToken: cookie.read(request),
      });
      cookie.set(reply, token, new Date(info.absoluteExpiresAt));
      return info;
    },
  });
};
