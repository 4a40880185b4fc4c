import { asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.js';
import { users } from '../identity/identity.table.js';
import { departments } from './departments.table.js';

export type DepartmentRow = typeof departments.$inferSelect;

const parent = alias(departments, 'parent');

/** All departments with their parent's code and member count, ordered by code. */
export async function listDepartments({ db }: { db: DbOrTx }) {
  const rows = await db
    .select({
      department: departments,
      parentCode: parent.code,
      userCount: sql<number>`(SELECT count(*)::int FROM ${users} WHERE ${users.departmentId} = ${departments.id})`,
    })
    .from(departments)
    .leftJoin(parent, eq(parent.id, departments.parentId))
    .orderBy(asc(departments.code));
  return { rows };
}

export async function findDepartmentsByCodes({ db, codes }: { db: DbOrTx; codes: string[] }) {
  if (codes.length === 0) return { departments: [] as DepartmentRow[] };
  const rows = await db.select().from(departments).where(inArray(departments.code, codes));
  return { departments: rows };
}

export async function findDepartmentById({ db, id }: { db: DbOrTx; id: string }) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
  return { department: row ?? null };
}

export async function insertDepartment({
  db,
  department,
}: {
  db: DbOrTx;
  department: typeof departments.$inferInsert;
}) {
  const [row] = await db.insert(departments).values(department).returning();
  if (!row) throw new Error('insert into departments returned no row');
  return { department: row };
}

export async function updateDepartment({
  db,
  id,
  changes,
}: {
  db: DbOrTx;
  id: string;
  changes: Partial<typeof departments.$inferInsert>;
}) {
  const [row] = await db.update(departments).set(changes).where(eq(departments.id, id)).returning();
  return { department: row ?? null };
}

/** Ids of the department and all its ancestors, to refuse a parent that would make a cycle. */
export async function listAncestorIds({ db, id }: { db: DbOrTx; id: string }) {
  const result = await db.execute(sql`
    WITH RECURSIVE up(id, parent_id) AS (
      SELECT id, parent_id FROM departments WHERE id = ${id}
      UNION
      SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id
    )
    SELECT id FROM up
  `);
  return { ids: (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id) };
}

/** Names of the departments whose staff may look up the register (for the letter). */
export async function listAuthorisedDepartmentNames({ db }: { db: DbOrTx }) {
  const rows = await db
    .select({ name: departments.name })
    .from(departments)
    .where(eq(departments.lookupAuthorised, true))
    .orderBy(asc(departments.name));
  return { names: rows.map((r) => r.name) };
}
