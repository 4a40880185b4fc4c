import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SessionCookie {
  name: string;
  read(request: FastifyRequest): string | undefined;
  set(reply: FastifyReply, token: string, expires: Date): void;
  clear(reply: FastifyReply): void;
}

/**
 * The session cookie: HttpOnly, SameSite=Strict, path /. Over https it is `Secure` with the
 * `__Host-` prefix (bound to this host); browsers refuse that prefix on plain http, so local
 * http://localhost use gets the same cookie without prefix and without `Secure`.
 */
export function createSessionCookie({ secure }: { secure: boolean }): SessionCookie {
  const name = secure ? '__Host-zemag_session' : 'zemag_session';
  const base = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' };
  return {
    name,
    read: (request) => request.cookies[name],
    set: (reply, token, expires) => {
      reply.setCookie(name, token, { ...base, expires });
    },
    clear: (reply) => {
      reply.clearCookie(name, base);
    },
  };
}
