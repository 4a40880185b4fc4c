import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@zemag/contracts';
import type { FastifyServerOptions } from 'fastify';
import { problem } from './problem.js';

/** What Node's HTTP parser refused, as status and code. */
function classify(error: { code?: string }): [number, ErrorCode] {
  if (error.code === 'HPE_HEADER_OVERFLOW') return [431, 'request.headers_too_large'];
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'request.timeout'];
  return [400, 'request.invalid'];
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (header fields too large,
 * malformed request lines, timeouts) get a problem+json answer like every other failure,
 * with a request id of their own. Nothing of the request is logged.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (
  error: Error & { code?: string },
  socket: Duplex,
) => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] = classify(error);
  if (socket.writable) {
    const body = JSON.stringify(problem({ id: randomUUID() }, status, code));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
};
