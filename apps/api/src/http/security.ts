import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers on every response, `no-store` on everything under /api and the health
 * checks, and a refusal of state-changing requests sent from another origin (defence in depth
 * beside SameSite=Strict cookies).
 */
export async function registerSecurity(
  app: FastifyInstance,
  { secureTransport, publicUrl }: { secureTransport: boolean; publicUrl: URL },
) {
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
    crossOriginEmbedderPolicy: false,
  });

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

  app.addHook('onSend', async (request, reply) => {
    const path = request.url;
    if (
      path.startsWith('/api/') ||
      path === '/api' ||
      path.startsWith('/healthz') ||
      path.startsWith('/readyz')
    ) {
      reply.header('cache-control', 'no-store');
    }
  });
}
