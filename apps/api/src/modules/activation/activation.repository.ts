import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/database.js';
import { activationTokens } from './activation.table.js';

/** Ends every unused link of the account: only the newest link works. */
export async function deleteUnusedActivationTokens({ db, userId }: { db: DbOrTx; userId: string }) {
  await db
    .delete(activationTokens)
    .where(and(eq(activationTokens.userId, userId), isNull(activationTokens.usedAt)));
}

export async function insertActivationToken({
  db,
  token,
}: {
  db: DbOrTx;
  token: typeof activationTokens.$inferInsert;
}) {
  await db.insert(activationTokens).values(token);
}

/** Marks a valid link used and returns its account; a link works once, until it expires. */
export async function consumeActivationToken({
  tx,
  tokenHash,
  now,
}: {
  tx: Tx;
  tokenHash: string;
  now: Date;
}) {
  const [used] = await tx
    .update(activationTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(activationTokens.tokenHash, tokenHash),
        isNull(activationTokens.usedAt),
        gt(activationTokens.expiresAt, now),
      ),
    )
    .returning({ userId: activationTokens.userId, issuedBy: activationTokens.issuedBy });
  return { used: used ?? null };
}
