import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error.js';
import { toFieldErrors } from './field-errors.js';
import { sendProblem } from './problem.js';

const FASTIFY_CLIENT_ERRORS: Record<
  string,
  [number, 'request.malformed_body' | 'request.unsupported_media_type' | 'request.body_too_large']
> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.malformed_body'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.malformed_body'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.body_too_large'],
};

/**
 * Every failure leaves as problem+json. Input problems are 4xx naming the field; only our own
 * bugs become 500, and those are logged without the request body.
 */
export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429) {
        // A burst of refusals is worth seeing in the log; no user, no query: request id only.
        request.log.warn(
          { requestId: request.id, code: error.code, retryAfter: error.retryAfterSeconds },
          'refused: too many requests',
        );
      }
      return sendProblem(request, reply, error.status, error.code, error.errors, {
        detail: error.detail,
        retryAfter: error.retryAfterSeconds,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(
        request,
        reply,
        400,
        'request.invalid',
        toFieldErrors(error.validation, error.validationContext),
      );
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return sendProblem(request, reply, known[0], known[1]);
    if (error.statusCode === 429) return sendProblem(request, reply, 429, 'request.rate_limited');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, 'request.invalid');
    }
    // Logged by class and code only (the logger's `err` serializer); the request id in the log
    // line is the `requestId` of the answer, so support finds one from the other.
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return sendProblem(request, reply, 500, 'server.internal');
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 404, 'resource.not_found'),
  );
}
