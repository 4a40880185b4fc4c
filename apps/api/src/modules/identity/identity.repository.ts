import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Role } from '@zemag/contracts';
import type { DbOrTx } from '../../db/database.js';
import { sessions, userRoles, users } from './identity.table.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername({ db, username }: { db: DbOrTx; username: string }) {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return { user: user ?? null };
}

export async function findUserById({ db, id }: { db: DbOrTx; id: string }) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return { user: user ?? null };
}

/** Ends every session of a user (disabled, or their grants changed). */
export async function deleteSessionsOfUser({ db, userId }: { db: DbOrTx; userId: string }) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of a user but the one given (null: all of them). */
export async function deleteOtherSessionsOfUser({
  db,
  userId,
  keepTokenHash,
}: {
  db: DbOrTx;
  userId: string;
  keepTokenHash: string | null;
}) {
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined,
      ),
    );
}

export async function insertUser({ db, user }: { db: DbOrTx; user: typeof users.$inferInsert }) {
  const [row] = await db.insert(users).values(user).returning();
  if (!row) throw new Error('insert into users returned no row');
  return { user: row };
}

export async function insertRoles({
  db,
  userId,
  roles,
  grantedBy,
  grantedAt,
  recertifyBy,
}: {
  db: DbOrTx;
  userId: string;
  roles: readonly Role[];
  grantedBy: string | null;
  grantedAt: Date;
  recertifyBy: string;
}) {
  if (roles.length === 0) return;
  await db
    .insert(userRoles)
    .values(
      roles.map((role) => ({ userId, role, status: 'active', grantedBy, grantedAt, recertifyBy })),
    )
    .onConflictDoNothing();
}

/** Active (not disabled) users holding the admin role. */
export async function countActiveAdmins({ db }: { db: DbOrTx }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, 'admin'),
        eq(userRoles.status, 'active'),
        sql`${users.disabledAt} IS NULL`,
      ),
    );
  return { count: row?.n ?? 0 };
}

export async function insertSession({
  db,
  session,
}: {
  db: DbOrTx;
  session: typeof sessions.$inferInsert;
}) {
  await db.insert(sessions).values(session);
}

/** The session with its user, whatever its age; the caller decides whether it is still valid. */
export async function findSessionWithUser({ db, tokenHash }: { db: DbOrTx; tokenHash: string }) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return { found: row ?? null };
}

export async function touchSession({
  db,
  tokenHash,
  at,
}: {
  db: DbOrTx;
  tokenHash: string;
  at: Date;
}) {
  // never backwards: of two parallel requests, the later one's time stays
  await db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, at)));
}

export async function deleteSession({ db, tokenHash }: { db: DbOrTx; tokenHash: string }) {
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ userId: sessions.userId });
  return { deleted: deleted.length > 0 };
}

/** Removes sessions that ended by time, so the table does not grow without bound. */
export async function deleteExpiredSessions({
  db,
  idleBefore,
  now,
}: {
  db: DbOrTx;
  idleBefore: Date;
  now: Date;
}) {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.absoluteExpiresAt, now)))
    .returning({ tokenHash: sessions.tokenHash });
  return { count: deleted.length };
}
