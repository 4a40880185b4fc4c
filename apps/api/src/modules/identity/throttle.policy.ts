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

/** One throttle key's state: failures counted so far, the last one, and the next allowed try. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date;
}

/**
 * Whether one more attempt on a key may go ahead now, and the state with that attempt already
 * counted as a failure. Counting before the password (or code) is checked is what makes the
 * limit hold under parallel attempts: the check after it can only take the count back.
 * A state without failures (`null`, or older than a day) starts again from one.
 */
export function reserveAttempt(
  state: ThrottleState | null,
  now: Date,
  kind: keyof typeof FREE_ATTEMPTS,
): { allowed: false; retryAfterMs: number } | { allowed: true; next: ThrottleState } {
  if (state && state.blockedUntil > now) {
    return { allowed: false, retryAfterMs: state.blockedUntil.getTime() - now.getTime() };
  }
  const fresh = !state || state.lastFailureAt.getTime() < now.getTime() - FORGET_AFTER_MS;
  const failures = fresh ? 1 : state.failures + 1;
  return {
    allowed: true,
    next: {
      failures,
      lastFailureAt: now,
      blockedUntil: new Date(now.getTime() + delayAfter(failures, kind)),
    },
  };
}

/**
 * A key's state after an attempt counted in advance turned out to be no failure: exactly the
 * state before it when nobody else counted on the key meanwhile, otherwise one failure less
 * (the others' delays stay). `null`: nothing left to remember.
 */
export function giveBackAttempt(
  current: ThrottleState,
  reserved: { before: ThrottleState | null; after: ThrottleState },
): ThrottleState | null {
  const untouched =
    current.failures === reserved.after.failures &&
    current.lastFailureAt.getTime() === reserved.after.lastFailureAt.getTime();
  if (untouched) return reserved.before && reserved.before.failures > 0 ? reserved.before : null;
  return current.failures > 1 ? { ...current, failures: current.failures - 1 } : null;
}
