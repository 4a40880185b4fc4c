import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { users } from '../identity/identity.table.js';
import { oidcStates } from './sso.table.js';

export async function insertState({
  db,
  state,
}: {
  db: DbOrTx;
  state: typeof oidcStates.$inferInsert;
}) {
  await db.insert(oidcStates).values(state);
}

/** Removes the state and returns it: a state works once, a second callback finds nothing. */
export async function takeState({ db, stateHash }: { db: DbOrTx; stateHash: string }) {
  const [row] = await db.delete(oidcStates).where(eq(oidcStates.stateHash, stateHash)).returning();
  return { state: row ?? null };
}

/** Sign-ins that were started and never came back. */
export async function deleteExpiredStates({ db, now }: { db: DbOrTx; now: Date }) {
  await db.delete(oidcStates).where(lt(oidcStates.expiresAt, now));
}

export async function findUserByExternalIdentity({
  db,
  issuer,
  subject,
}: {
  db: DbOrTx;
  issuer: string;
  subject: string;
}) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.externalIssuer, issuer), eq(users.externalSubject, subject)))
    .limit(1);
  return { user: user ?? null };
}

/** Binds a ZeMAG account to the provider's subject; from then on it is found by that. */
export async function linkExternalIdentity({
  db,
  userId,
  issuer,
  subject,
  at,
}: {
  db: DbOrTx;
  userId: string;
  issuer: string;
  subject: string;
  at: Date;
}) {
  const [row] = await db
    .update(users)
    .set({ externalIssuer: issuer, externalSubject: subject, updatedAt: at })
    .where(eq(users.id, userId))
    .returning();
  if (!row) throw new Error('linked user vanished');
  return { user: row };
}
