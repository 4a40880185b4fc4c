import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/database.js';
import { signInThrottles } from './identity.table.js';
import type { ThrottleState } from './throttle.policy.js';

/**
 * The key's row, created when missing (no failures) and locked until the transaction ends:
 * one statement, so two attempts on one key cannot both read the old count. Callers lock
 * several keys in sorted order, so two transactions never wait for each other in a circle.
 */
export async function lockThrottle({
  tx,
  key,
  now,
}: {
  tx: Tx;
  key: string;
  now: Date;
}): Promise<ThrottleState> {
  const [row] = await tx
    .insert(signInThrottles)
    .values({ key, failures: 0, lastFailureAt: now, blockedUntil: new Date(0) })
    // a no-op update: it takes the row lock and returns the row as it is
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: { failures: sql`${signInThrottles.failures}` },
    })
    .returning();
  if (!row) throw new Error('locking a throttle row returned no row');
  return row;
}

export async function saveThrottle({
  tx,
  key,
  state,
}: {
  tx: Tx;
  key: string;
  state: ThrottleState;
}) {
  await tx
    .update(signInThrottles)
    .set({
      failures: state.failures,
      lastFailureAt: state.lastFailureAt,
      blockedUntil: state.blockedUntil,
    })
    .where(eq(signInThrottles.key, key));
}

export async function deleteThrottle({ db, key }: { db: DbOrTx; key: string }) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

export async function deleteStaleThrottles({ db, before }: { db: DbOrTx; before: Date }) {
  await db.delete(signInThrottles).where(lt(signInThrottles.lastFailureAt, before));
}
