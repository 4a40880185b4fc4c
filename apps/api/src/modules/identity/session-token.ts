import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (256 bits, base64url) for a session cookie or a one-time link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token, so a copy of the table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
