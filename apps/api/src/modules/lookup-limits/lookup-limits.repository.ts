import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { lookupBudgets } from './lookup-limits.table.js';

/** A user's budget row as stored. */
export interface StoredBudget {
  tokens: number;
  countedAt: Date;
  refusedSince: Date | null;
}

/**
 * The user's budget row, created full when missing, and locked until the transaction ends:
 * one statement, so two look-ups of one user cannot both read the old budget.
 */
export async function lockBudget({
  tx,
  userId,
  full,
  now,
}: {
  tx: Tx;
  userId: string;
  /** The budget of a user who has not looked anything up yet (the burst). */
  full: number;
  now: Date;
}): Promise<StoredBudget> {
  const [row] = await tx
    .insert(lookupBudgets)
    .values({ userId, tokens: full, countedAt: now, refusedSince: null })
    // a no-op update: it takes the row lock and returns the row as it is
    .onConflictDoUpdate({
      target: lookupBudgets.userId,
      set: { tokens: sql`${lookupBudgets.tokens}` },
    })
    .returning();
  if (!row) throw new Error('locking a look-up budget returned no row');
  return { tokens: row.tokens, countedAt: row.countedAt, refusedSince: row.refusedSince };
}

export async function saveBudget({
  tx,
  userId,
  budget,
}: {
  tx: Tx;
  userId: string;
  budget: StoredBudget;
}) {
  await tx
    .update(lookupBudgets)
    .set({
      tokens: budget.tokens,
      countedAt: budget.countedAt,
      refusedSince: budget.refusedSince,
    })
    .where(eq(lookupBudgets.userId, userId));
}
