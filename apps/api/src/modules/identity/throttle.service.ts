import type { Tx } from '../../db/database.js';
import { deleteThrottle, lockThrottle, saveThrottle } from './throttle.repository.js';
import {
  giveBackAttempt,
  reserveAttempt,
  type FREE_ATTEMPTS,
  type ThrottleState,
} from './throttle.policy.js';

/** A key an attempt counts on, and how many free attempts it gets (throttle.policy.ts). */
export interface ThrottleKey {
  key: string;
  kind: keyof typeof FREE_ATTEMPTS;
}

/** An attempt counted in advance on its keys; given back when it was no failure. */
export interface Reservation {
  keys: { key: string; before: ThrottleState; after: ThrottleState }[];
}

/**
 * Counts an attempt on every key before the secret is checked, in the caller's (short)
 * transaction: refused while any key must wait, otherwise counted as a failure on all of them.
 * The rows stay locked until the transaction ends, so parallel attempts queue up here and each
 * sees the count of the ones before it — the limit holds however many arrive at once.
 */
export async function reserve({
  tx,
  keys,
  now,
}: {
  tx: Tx;
  keys: readonly ThrottleKey[];
  now: Date;
}): Promise<{ reservation: Reservation } | { retryAfterMs: number }> {
  const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  const states: { key: ThrottleKey; state: ThrottleState }[] = [];
  for (const key of sorted)
    states.push({ key, state: await lockThrottle({ tx, key: key.key, now }) });

  let retryAfterMs = 0;
  const next: { key: string; before: ThrottleState; after: ThrottleState }[] = [];
  for (const { key, state } of states) {
    const decision = reserveAttempt(state.failures > 0 ? state : null, now, key.kind);
    if (!decision.allowed) retryAfterMs = Math.max(retryAfterMs, decision.retryAfterMs);
    else next.push({ key: key.key, before: state, after: decision.next });
  }
  if (retryAfterMs > 0) return { retryAfterMs };
  for (const { key, after } of next) await saveThrottle({ tx, key, state: after });
  return { reservation: { keys: next } };
}

/**
 * After an attempt that was no failure: the keys in `forget` lose every failure (the account
 * whose password was right), the others get back the one attempt counted in advance.
 */
export async function release({
  tx,
  reservation,
  forget,
  now,
}: {
  tx: Tx;
  reservation: Reservation;
  forget: readonly string[];
  now: Date;
}) {
  for (const reserved of [...reservation.keys].sort((a, b) => a.key.localeCompare(b.key))) {
    if (forget.includes(reserved.key)) {
      await deleteThrottle({ db: tx, key: reserved.key });
      continue;
    }
    const current = await lockThrottle({ tx, key: reserved.key, now });
    const state = giveBackAttempt(current, reserved);
    if (state) await saveThrottle({ tx, key: reserved.key, state });
    else await deleteThrottle({ db: tx, key: reserved.key });
  }
}
