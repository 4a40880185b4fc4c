import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

/**
 * Structured JSON logs with request ids and no personal data: no query strings, no client
 * addresses, no cookies, no bodies. A request is logged by its route pattern where it has one.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req(request: { id: string; method: string; url: string; routeOptions?: { url?: string } }) {
        return {
          id: request.id,
          method: request.method,
          route: request.routeOptions?.url ?? request.url.split('?')[0],
        };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
