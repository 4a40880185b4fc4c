import { eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '@zemag/contracts';
import type { DbOrTx, Tx } from '../../db/database.js';
import { departments } from '../departments/departments.table.js';
import { userRoles, users } from '../identity/identity.table.js';
import { REUSE_REVOKED_GRANT } from '../grants/grants.repository.js';
import type { ExistingUser } from './users.import.js';

/** Existing accounts for the given user names, with all their grants (any status). */
export async function findUsersByUsernames({ db, usernames }: { db: DbOrTx; usernames: string[] }) {
  const found = new Map<string, ExistingUser>();
  for (let i = 0; i < usernames.length; i += 5000) {
    const rows = await db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        departmentCode: departments.code,
        disabled: sql<boolean>`${users.disabledAt} IS NOT NULL`,
        roles: sql<
          Role[] | null
        >`(SELECT array_agg(${userRoles.role}) FROM ${userRoles} WHERE ${userRoles.userId} = ${users.id} AND ${userRoles.status} <> 'revoked')`,
      })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(inArray(users.username, usernames.slice(i, i + 5000)));
    for (const row of rows) found.set(row.username, { ...row, roles: row.roles ?? [] });
  }
  return { users: found };
}

export async function insertUsers({ tx, rows }: { tx: Tx; rows: (typeof users.$inferInsert)[] }) {
  const created: { id: string; username: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    created.push(
      ...(await tx
        .insert(users)
        .values(rows.slice(i, i + 1000))
        .returning({ id: users.id, username: users.username })),
    );
  }
  return { created };
}

export async function insertGrants({
  tx,
  rows,
}: {
  tx: Tx;
  rows: (typeof userRoles.$inferInsert)[];
}) {
  for (let i = 0; i < rows.length; i += 2000) {
    await tx
      .insert(userRoles)
      .values(rows.slice(i, i + 2000))
      // a revoked row is reused (its earlier life stays in the audit log); others are kept
      .onConflictDoUpdate(REUSE_REVOKED_GRANT);
  }
}

export async function updateUserProfile({
  tx,
  id,
  displayName,
  departmentId,
  at,
}: {
  tx: Tx;
  id: string;
  displayName: string;
  departmentId: string;
  at: Date;
}) {
  await tx.update(users).set({ displayName, departmentId, updatedAt: at }).where(eq(users.id, id));
}

export async function upsertDepartmentByCode({
  tx,
  values,
}: {
  tx: Tx;
  values: Omit<typeof departments.$inferInsert, 'id'>;
}) {
  const [row] = await tx
    .insert(departments)
    .values(values)
    .onConflictDoUpdate({
      target: departments.code,
      set: {
        name: values.name,
        parentId: values.parentId,
        contact: values.contact,
        phone: values.phone,
        lookupAuthorised: values.lookupAuthorised,
        lookupAuthorisationReason: values.lookupAuthorisationReason,
        updatedAt: values.updatedAt,
      },
    })
    .returning({ id: departments.id });
  return { id: row!.id };
}
