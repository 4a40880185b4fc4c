import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (256 bits, base64url) for a session cookie or a one-time link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token, so a copy of the table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A one-time link to `path` on the public address with the token in the URL fragment, which
 * browsers never send to a server (nor to its logs or a proxy's).
 */
export function oneTimeLink(publicUrl: URL, path: string, token: string): string {
  const url = new URL(path, publicUrl);
  url.hash = `token=${token}`;
  return url.toString();
}
