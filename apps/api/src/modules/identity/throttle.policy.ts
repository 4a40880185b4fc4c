/** Failed attempts allowed before delays start, per kind of key. */
export const FREE_ATTEMPTS = { account: 5, client: 30 } as const;
/** The longest delay between attempts. */
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * The delay after the `failures`-th failure: none for the free attempts, then 1 s, 2 s, 4 s …
 * doubling up to 15 minutes. Slows guessing to a crawl without locking anyone out for good.
 */
export function delayAfter(failures: number, kind: keyof typeof FREE_ATTEMPTS): number {
  const over = failures - FREE_ATTEMPTS[kind];
  if (over <= 0) return 0;
  return Math.min(1000 * 2 ** (over - 1), MAX_DELAY_MS);
}
