import type { RouteAccess } from '@zemag/contracts';
import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { IdentityService } from '../modules/identity/identity.service.js';
import { AppError } from './app-error.js';
import type { SessionCookie } from './session-cookie.js';
import './fastify-types.js';

export interface RouteAccessEntry {
  method: string;
  url: string;
  permission: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the access it declared — for the route × role table test. */
    routeAccessTable(): RouteAccessEntry[];
  }
}

/**
 * Deny by default. Every route must declare `config.permission`; the app refuses to start
 * when one does not, and a request to such a route is refused anyway. Public routes are
 * declared `public` explicitly and documented with `security: []`.
 */
export const accessPlugin = fp<{ identity: IdentityService; cookie: SessionCookie }>(
  async (app, { identity, cookie }) => {
    const routes: RouteOptions[] = [];
    app.decorateRequest('auth', null);
    app.decorate('routeAccessTable', () =>
      routes.map((route) => ({
        method: String(route.method),
        url: route.url,
        permission: route.config?.permission,
      })),
    );

    app.addHook('onRoute', (route) => {
      routes.push(route);
      if (route.config?.permission === 'public') {
        route.schema = { ...route.schema, security: [] };
      }
    });

    app.addHook('onReady', async () => {
      const undeclared = routes.filter((route) => route.config?.permission === undefined);
      if (undeclared.length > 0) {
        const list = undeclared.map((r) => `${String(r.method)} ${r.url}`).join(', ');
        throw new Error(`Routes without a declared permission: ${list}`);
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      if (request.is404) return;
      const permission = request.routeOptions.config.permission;
      if (permission === 'public') return;
      if (permission === undefined) throw new AppError(403, 'auth.forbidden');

      const token = cookie.read(request);
      if (token) {
        request.auth = await identity.resolveSession({ token });
        if (!request.auth) cookie.clear(reply);
      }
      if (!request.auth) throw new AppError(401, 'auth.unauthenticated');
      // `session`: only what it takes to prove or enrol a second factor (and to sign out).
      if (permission === 'session') return;
      // Before a required second factor, nothing else: the session's abilities are empty too.
      if (!request.auth.info.mfa.satisfied) throw new AppError(403, 'auth.second_factor_required');
      if (permission !== 'authenticated' && !request.auth.user.abilities.includes(permission)) {
        throw new AppError(403, 'auth.forbidden');
      }
    });
  },
  { name: 'zemag-access' },
);
