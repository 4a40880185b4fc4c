import {
  ERROR_TITLES,
  errorDetail,
  type ErrorCode,
  type FieldError,
  type Problem,
} from '@zemag/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Builds an RFC 9457 problem with ZeMAG's stable code. */
export function problem(
  request: Pick<FastifyRequest, 'id'>,
  status: number,
  code: ErrorCode,
  errors?: FieldError[],
): Problem {
  return {
    type: `urn:zemag:problem:${code}`,
    title: ERROR_TITLES[code],
    status,
    code,
    detail: errorDetail(code),
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  errors?: FieldError[],
) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send(problem(request, status, code, errors));
}
