import type { ActivationLink } from '@zemag/contracts';

/**
 * The activation link of an account just created, handed from the create form to the
 * account's page. Kept in memory only and given out once: the link opens the account.
 */
let pending: { userId: string; link: ActivationLink } | null = null;

export function keepActivationLink(userId: string, link: ActivationLink): void {
  pending = { userId, link };
}

/** The link for this account, once; null for any other account or when already taken. */
export function takeActivationLink(userId: string): ActivationLink | null {
  if (pending?.userId !== userId) return null;
  const { link } = pending;
  pending = null;
  return link;
}
