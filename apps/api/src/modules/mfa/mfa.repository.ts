import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { recoveryCodes, userFactors, webauthnChallenges } from './mfa.table.js';

export type FactorRow = typeof userFactors.$inferSelect;

/** Confirmed factors per kind and unused recovery codes: what SessionInfo reports on every request. */
export async function factorSummary({ db, userId }: { db: DbOrTx; userId: string }) {
  const [row] = await db
    .select({
      totp: sql<number>`(SELECT count(*)::int FROM ${userFactors} WHERE ${userFactors.userId} = ${userId} AND ${userFactors.kind} = 'totp' AND ${userFactors.confirmedAt} IS NOT NULL)`,
      webauthn: sql<number>`(SELECT count(*)::int FROM ${userFactors} WHERE ${userFactors.userId} = ${userId} AND ${userFactors.kind} = 'webauthn' AND ${userFactors.confirmedAt} IS NOT NULL)`,
      recoveryCodesLeft: sql<number>`(SELECT count(*)::int FROM ${recoveryCodes} WHERE ${recoveryCodes.userId} = ${userId} AND ${recoveryCodes.usedAt} IS NULL)`,
      recoveryCodesUnconfirmed: sql<number>`(SELECT count(*)::int FROM ${recoveryCodes} WHERE ${recoveryCodes.userId} = ${userId} AND ${recoveryCodes.confirmedAt} IS NULL)`,
    })
    .from(sql`(SELECT 1) AS one`);
  return {
    totp: row?.totp ?? 0,
    webauthn: row?.webauthn ?? 0,
    recoveryCodesLeft: row?.recoveryCodesLeft ?? 0,
    recoveryCodesUnconfirmed: row?.recoveryCodesUnconfirmed ?? 0,
  };
}

export async function listConfirmedFactors({
  db,
  userId,
  kind,
}: {
  db: DbOrTx;
  userId: string;
  kind?: 'totp' | 'webauthn';
}) {
  const rows = await db
    .select()
    .from(userFactors)
    .where(
      and(
        eq(userFactors.userId, userId),
        isNotNull(userFactors.confirmedAt),
        kind ? eq(userFactors.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(userFactors.createdAt), asc(userFactors.id));
  return { factors: rows };
}

export async function findFactor({
  db,
  userId,
  factorId,
}: {
  db: DbOrTx;
  userId: string;
  factorId: string;
}) {
  const [row] = await db
    .select()
    .from(userFactors)
    .where(and(eq(userFactors.id, factorId), eq(userFactors.userId, userId)))
    .limit(1);
  return { factor: row ?? null };
}

export async function findPasskey({
  db,
  userId,
  credentialId,
}: {
  db: DbOrTx;
  userId: string;
  credentialId: string;
}) {
  const [row] = await db
    .select()
    .from(userFactors)
    .where(
      and(
        eq(userFactors.credentialId, credentialId),
        eq(userFactors.userId, userId),
        isNotNull(userFactors.confirmedAt),
      ),
    )
    .limit(1);
  return { factor: row ?? null };
}

export async function insertFactor({
  db,
  factor,
}: {
  db: DbOrTx;
  factor: typeof userFactors.$inferInsert;
}) {
  const [row] = await db.insert(userFactors).values(factor).returning();
  if (!row) throw new Error('insert into user_factors returned no row');
  return { factor: row };
}

/** Drops enrolments of an app that were started but never confirmed. */
export async function deleteUnconfirmedFactors({ db, userId }: { db: DbOrTx; userId: string }) {
  await db
    .delete(userFactors)
    .where(and(eq(userFactors.userId, userId), isNull(userFactors.confirmedAt)));
}

export async function confirmFactor({
  db,
  factorId,
  at,
  label,
  lastUsedStep,
}: {
  db: DbOrTx;
  factorId: string;
  at: Date;
  label?: string | undefined;
  lastUsedStep: number;
}) {
  await db
    .update(userFactors)
    .set({ confirmedAt: at, lastUsedAt: at, lastUsedStep, ...(label ? { label } : {}) })
    .where(eq(userFactors.id, factorId));
}

/**
 * Records a TOTP step as used, but only when it is later than the last one: of two requests
 * with the same code, exactly one succeeds.
 */
export async function claimTotpStep({
  db,
  factorId,
  step,
  at,
}: {
  db: DbOrTx;
  factorId: string;
  step: number;
  at: Date;
}) {
  const rows = await db
    .update(userFactors)
    .set({ lastUsedStep: step, lastUsedAt: at })
    .where(
      and(
        eq(userFactors.id, factorId),
        or(isNull(userFactors.lastUsedStep), lt(userFactors.lastUsedStep, step)),
      ),
    )
    .returning({ id: userFactors.id });
  return { claimed: rows.length > 0 };
}

export async function updatePasskeyUse({
  db,
  factorId,
  signCount,
  at,
}: {
  db: DbOrTx;
  factorId: string;
  signCount: number;
  at: Date;
}) {
  await db
    .update(userFactors)
    .set({ signCount, lastUsedAt: at })
    .where(eq(userFactors.id, factorId));
}

export async function renameFactor({
  db,
  userId,
  factorId,
  label,
}: {
  db: DbOrTx;
  userId: string;
  factorId: string;
  label: string;
}) {
  const rows = await db
    .update(userFactors)
    .set({ label })
    .where(
      and(
        eq(userFactors.id, factorId),
        eq(userFactors.userId, userId),
        isNotNull(userFactors.confirmedAt),
      ),
    )
    .returning({ id: userFactors.id });
  return { renamed: rows.length > 0 };
}

export async function deleteFactor({
  db,
  userId,
  factorId,
}: {
  db: DbOrTx;
  userId: string;
  factorId: string;
}) {
  const rows = await db
    .delete(userFactors)
    .where(and(eq(userFactors.id, factorId), eq(userFactors.userId, userId)))
    .returning({ id: userFactors.id, kind: userFactors.kind });
  return { deleted: rows[0] ?? null };
}

/** Replaces all recovery codes of a user with new hashes. */
export async function replaceRecoveryCodes({
  db,
  userId,
  hashes,
  at,
}: {
  db: DbOrTx;
  userId: string;
  hashes: string[];
  at: Date;
}) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length > 0) {
    await db
      .insert(recoveryCodes)
      .values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
  }
}

/** The user confirmed they kept their codes; the number of codes confirmed now (0: none open). */
export async function confirmRecoveryCodes({
  db,
  userId,
  at,
}: {
  db: DbOrTx;
  userId: string;
  at: Date;
}) {
  const rows = await db
    .update(recoveryCodes)
    .set({ confirmedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.confirmedAt)))
    .returning({ codeHash: recoveryCodes.codeHash });
  return { confirmed: rows.length };
}

/** Marks an unused code used; false when it is unknown or was used before. */
export async function useRecoveryCode({
  db,
  userId,
  codeHash,
  at,
}: {
  db: DbOrTx;
  userId: string;
  codeHash: string;
  at: Date;
}) {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return { used: rows.length > 0 };
}

export async function saveChallenge({
  db,
  id,
  challenge,
  expiresAt,
  now,
}: {
  db: DbOrTx;
  id: string;
  challenge: string;
  expiresAt: Date;
  now: Date;
}) {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await db
    .insert(webauthnChallenges)
    .values({ id, challenge, expiresAt })
    .onConflictDoUpdate({ target: webauthnChallenges.id, set: { challenge, expiresAt } });
}

/** Takes a challenge out (single use); null when there is none or it expired. */
export async function takeChallenge({ db, id, now }: { db: DbOrTx; id: string; now: Date }) {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(eq(webauthnChallenges.id, id))
    .returning();
  if (!row || row.expiresAt <= now) return { challenge: null };
  return { challenge: row.challenge };
}
