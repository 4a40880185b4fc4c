import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { idempotencyKeys } from './idempotency.table.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** Claims a key for a request; returns null when the key is already taken. */
export async function claimKey({
  db,
  row,
}: {
  db: DbOrTx;
  row: Omit<IdempotencyRow, 'state' | 'responseStatus' | 'responseBody'>;
}): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ ...row, state: 'in_flight' })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

export async function findKey({ db, userId, key }: { db: DbOrTx; userId: string; key: string }) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return { row: row ?? null };
}

/** Takes over an abandoned claim (its process died); only one caller wins. */
export async function reclaimKey({
  db,
  userId,
  key,
  staleCreatedAt,
  now,
}: {
  db: DbOrTx;
  userId: string;
  key: string;
  staleCreatedAt: Date;
  now: Date;
}): Promise<boolean> {
  const updated = await db
    .update(idempotencyKeys)
    .set({ createdAt: now })
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        eq(idempotencyKeys.key, key),
        eq(idempotencyKeys.state, 'in_flight'),
        eq(idempotencyKeys.createdAt, staleCreatedAt),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return updated.length === 1;
}

export async function completeKey({
  db,
  userId,
  key,
  status,
  body,
}: {
  db: DbOrTx;
  userId: string;
  key: string;
  status: number;
  body: unknown;
}) {
  await db
    .update(idempotencyKeys)
    .set({ state: 'done', responseStatus: status, responseBody: body })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

/** Frees a claim whose request failed, so a corrected retry may use the key. */
export async function releaseKey({ db, userId, key }: { db: DbOrTx; userId: string; key: string }) {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        eq(idempotencyKeys.key, key),
        eq(idempotencyKeys.state, 'in_flight'),
      ),
    );
}
