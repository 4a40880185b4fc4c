import type { EntryProblem, StoredEntry } from './outbox-store';

/**
 * What the phone says about a report that has not arrived yet. Exactly one of these is true
 * at any time, and each says what happens next:
 * - `saved`: on the phone, not tried yet or no connection; sent as soon as there is one.
 * - `sending`: on its way right now.
 * - `needsSignIn`: the server answered 401 (the session ended); nothing is sent until the
 *   employee signs in again.
 * - `refused`: the server refused the content; it waits for the employee's correction.
 * - `failed`: the server could not take it (busy, a failure); tried again at `nextAttemptAt`.
 */
export type EntryStatus =
  | { kind: 'saved' }
  | { kind: 'sending' }
  | { kind: 'needsSignIn' }
  | { kind: 'refused'; code: string; problems: readonly EntryProblem[] }
  | { kind: 'failed'; code: string; nextAttemptAt: Date };

/** The bookkeeping of an entry the status is read from (no report content needed). */
export type EntryBookkeeping = Pick<StoredEntry, 'id' | 'attempts' | 'lastAttemptAt' | 'state'> & {
  lastError: string | null;
  problems: readonly EntryProblem[];
};

/** Waits after the 1st, 2nd, … failed attempt while online; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [15_000, 30_000, 60_000, 120_000, 300_000];

const SIGN_IN_CODES = new Set(['auth.unauthenticated']);
const OFFLINE_CODE = 'client.network';

/** The wait after `attempts` failed attempts (0 attempts: none). */
export function retryDelay(attempts: number): number {
  if (attempts <= 0) return 0;
  return RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1]!;
}

/** When the entry is tried again by itself; null when only the employee can move it on. */
export function nextAttemptAt(entry: EntryBookkeeping): Date | null {
  if (entry.state !== 'pending') return null;
  if (entry.lastError && SIGN_IN_CODES.has(entry.lastError)) return null;
  if (entry.attempts === 0 || !entry.lastAttemptAt) return new Date(0);
  return new Date(Date.parse(entry.lastAttemptAt) + retryDelay(entry.attempts));
}

/** The one status of an entry, given the connection and what this page is sending now. */
export function entryStatus(
  entry: EntryBookkeeping,
  { online, sendingId }: { online: boolean; sendingId: string | null },
): EntryStatus {
  if (entry.state === 'invalid') {
    return {
      kind: 'refused',
      code: entry.lastError ?? 'validation.failed',
      problems: entry.problems,
    };
  }
  if (entry.id === sendingId) return { kind: 'sending' };
  if (entry.lastError && SIGN_IN_CODES.has(entry.lastError)) return { kind: 'needsSignIn' };
  if (entry.attempts === 0 || !entry.lastError || !online || entry.lastError === OFFLINE_CODE) {
    return { kind: 'saved' };
  }
  return { kind: 'failed', code: entry.lastError, nextAttemptAt: nextAttemptAt(entry)! };
}

/**
 * Whether the timer should send now: online, and at least one entry is due. Entries that wait
 * for a sign-in or a correction never make it send by themselves.
 */
export function sendIsDue(
  entries: readonly EntryBookkeeping[],
  { online, now }: { online: boolean; now: Date },
): boolean {
  if (!online) return false;
  return entries.some((entry) => {
    const next = nextAttemptAt(entry);
    return next !== null && next.getTime() <= now.getTime();
  });
}

/** How many entries are in each state, for the notices (an empty outbox gives all zeros). */
export function countStatuses(
  entries: readonly EntryBookkeeping[],
  context: { online: boolean; sendingId: string | null },
): Record<EntryStatus['kind'], number> {
  const counts = { saved: 0, sending: 0, needsSignIn: 0, refused: 0, failed: 0 };
  for (const entry of entries) counts[entryStatus(entry, context).kind] += 1;
  return counts;
}

/** The earliest automatic attempt among failed entries, if any. */
export function earliestRetry(
  entries: readonly EntryBookkeeping[],
  context: { online: boolean; sendingId: string | null },
): Date | null {
  let earliest: Date | null = null;
  for (const entry of entries) {
    const status = entryStatus(entry, context);
    if (status.kind === 'failed' && (!earliest || status.nextAttemptAt < earliest)) {
      earliest = status.nextAttemptAt;
    }
  }
  return earliest;
}
