import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { safeError } from './http/safe-error.js';

/**
 * Structured JSON logs with request ids and no personal data: no query strings, no client
 * addresses, no cookies, no bodies. A request is logged by its route pattern where it has one.
 * An error is logged by its class, code and stack frames only (see safe-error.ts): a database
 * error carries the statement's parameters and values in its message, which never reach the log.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      err: safeError,
      error: safeError,
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
