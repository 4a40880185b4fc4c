import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/database.js';
import { setupTokens } from './setup.table.js';

export async function deleteUnusedSetupTokens({ db }: { db: DbOrTx }) {
  await db.delete(setupTokens).where(isNull(setupTokens.usedAt));
}

export async function insertSetupToken({
  db,
  token,
}: {
  db: DbOrTx;
  token: typeof setupTokens.$inferInsert;
}) {
  await db.insert(setupTokens).values(token);
}

/** Marks a valid token used and says whether it was valid; a token works once. */
export async function consumeSetupToken({
  tx,
  tokenHash,
  now,
}: {
  tx: Tx;
  tokenHash: string;
  now: Date;
}) {
  const used = await tx
    .update(setupTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(setupTokens.tokenHash, tokenHash),
        isNull(setupTokens.usedAt),
        gt(setupTokens.expiresAt, now),
      ),
    )
    .returning({ tokenHash: setupTokens.tokenHash });
  return { consumed: used.length === 1 };
}
