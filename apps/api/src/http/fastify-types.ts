import type { RouteAccess } from '@zemag/contracts';
import type { Authenticated } from '../modules/identity/identity.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every route; see http/access.ts. */
    permission?: RouteAccess;
  }
  interface FastifyRequest {
    /** The signed-in user; set for every route that is not public. */
    auth: Authenticated | null;
  }
}
