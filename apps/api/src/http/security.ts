import helmet from '@fastify/helmet';
import type { FastifyInstance, onSendHookHandler } from 'fastify';
import { AppError } from './app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Route patterns whose answers no cache may keep: the API and the health checks. */
export function storesNothing(routeUrl: string): boolean {
  return (
    routeUrl === '/api' ||
    routeUrl.startsWith('/api/') ||
    routeUrl === '/healthz' ||
    routeUrl === '/readyz'
  );
}

/** Load balancers probe these by address, under no particular host name. */
const ANY_HOST_ROUTES = new Set(['/healthz', '/readyz']);

const noStore: onSendHookHandler = async (_request, reply) => {
  reply.header('cache-control', 'no-store');
};

/**
 * Security headers on every response; `no-store` on every route registered under /api and on
 * the health checks (decided by the route, not by the request's raw URL, which may spell the
 * same route differently, e.g. `/%61pi/…`) and on every problem answer; a refusal of requests
 * addressed to a host name that is not ZeMAG's (DNS rebinding, poisoned links); and a refusal
 * of state-changing requests sent from another origin (defence in depth beside SameSite=Strict
 * cookies).
 */
export async function registerSecurity(
  app: FastifyInstance,
  {
    secureTransport,
    publicUrl,
    allowedHosts,
  }: { secureTransport: boolean; publicUrl: URL; allowedHosts: string[] | null },
) {
  app.addHook('onRoute', (route) => {
    if (!storesNothing(route.url)) return;
    const own = route.onSend ? [route.onSend].flat() : [];
    route.onSend = [...own, noStore];
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secureTransport ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: secureTransport ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    // The same as `frame-ancestors 'none'` above, for browsers that only know this header.
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });

  if (allowedHosts) {
    const allowed = new Set(allowedHosts);
    app.addHook('onRequest', async (request) => {
      if (ANY_HOST_ROUTES.has(request.routeOptions.url ?? '')) return;
      const hostname = request.hostname.toLowerCase().replace(/\.$/, '');
      if (!allowed.has(hostname)) throw new AppError(421, 'request.wrong_host');
    });
  }

  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError(403, 'request.cross_origin');
    }
    if (host !== request.headers.host && host !== publicUrl.host) {
      throw new AppError(403, 'request.cross_origin');
    }
  });

  // Problem answers (also of unknown paths, which have no route of their own) are never kept.
  app.addHook('onSend', async (_request, reply) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/problem+json')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
