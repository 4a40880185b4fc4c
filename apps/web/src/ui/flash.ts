/**
 * A one-time success message for the next admin page (e.g. "account created" after moving to
 * the new account's page). Kept in memory only: it holds names of staff.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** Returns the message once and forgets it. */
export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
