import { and, asc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Role, UserSearchQuery } from '@zemag/contracts';
import type { DbOrTx } from '../../db/database.js';
import { departments } from '../departments/departments.table.js';
import { userRoles, users } from '../identity/identity.table.js';

const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
  activated: sql<boolean>`(${users.passwordHash} IS NOT NULL OR ${users.externalSubject} IS NOT NULL)`,
  departmentId: users.departmentId,
  departmentCode: departments.code,
  departmentName: departments.name,
  departmentAuthorised: departments.lookupAuthorised,
};

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of users matching the admin's search, with the total count. */
export async function searchUsers({ db, query }: { db: DbOrTx; query: UserSearchQuery }) {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (query.departmentCode) conditions.push(eq(departments.code, query.departmentCode));
  if (query.role) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${userRoles} WHERE ${userRoles.userId} = ${users.id} AND ${userRoles.role} = ${query.role} AND ${userRoles.status} <> 'revoked')`,
    );
  }
  if (query.status === 'active') conditions.push(sql`${users.disabledAt} IS NULL`);
  if (query.status === 'disabled') conditions.push(sql`${users.disabledAt} IS NOT NULL`);
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [rows, [count]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where)
      .orderBy(asc(users.displayName), asc(users.username))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findUserSummary({ db, id }: { db: DbOrTx; id: string }) {
  const [row] = await db
    .select(summaryColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id))
    .limit(1);
  return { row: row ?? null };
}

/** Role grants (pending or active, not revoked) of the given users, for list views. */
export async function listGrantStatesOfUsers({ db, userIds }: { db: DbOrTx; userIds: string[] }) {
  if (userIds.length === 0) return { rows: [] };
  const rows = await db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      status: userRoles.status,
      endsOn: userRoles.endsOn,
      recertifyBy: userRoles.recertifyBy,
    })
    .from(userRoles)
    .where(and(inArray(userRoles.userId, userIds), ne(userRoles.status, 'revoked')));
  return {
    rows: rows.map((r) => ({
      ...r,
      role: r.role as Role,
      status: r.status as 'pending' | 'active',
    })),
  };
}

export async function updateUser({
  db,
  id,
  changes,
}: {
  db: DbOrTx;
  id: string;
  changes: Partial<typeof users.$inferInsert>;
}) {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return { user: row ?? null };
}
