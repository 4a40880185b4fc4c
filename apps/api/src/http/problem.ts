import {
  ERROR_TITLES,
  errorDetail,
  type ErrorCode,
  type FieldError,
  type LocalizedText,
  type Problem,
} from '@zemag/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What a problem may carry beyond its code: a filled-in text, the wait of a 429. */
export interface ProblemExtras {
  /** The code's text with its `{{name}}` places filled (default: the code's text). */
  detail?: LocalizedText;
  /** Seconds until a retry can succeed: `retryAfter` in the body, `Retry-After` header. */
  retryAfter?: number | undefined;
}

/** Builds an RFC 9457 problem with ZeMAG's stable code. */
export function problem(
  request: Pick<FastifyRequest, 'id'>,
  status: number,
  code: ErrorCode,
  errors?: FieldError[],
  extras: ProblemExtras = {},
): Problem {
  return {
    type: `urn:zemag:problem:${code}`,
    title: ERROR_TITLES[code],
    status,
    code,
    detail: extras.detail ?? errorDetail(code),
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(extras.retryAfter === undefined ? {} : { retryAfter: extras.retryAfter }),
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  errors?: FieldError[],
  extras: ProblemExtras = {},
) {
  if (extras.retryAfter !== undefined) reply.header('retry-after', String(extras.retryAfter));
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send(problem(request, status, code, errors, extras));
}
