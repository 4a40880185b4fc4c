import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { persons } from '../persons/persons.table.js';
import { subjectRequestNumbers, subjectRequests } from './subject-requests.table.js';

export type SubjectRequestRow = typeof subjectRequests.$inferSelect;
export type SubjectRequestJoined = {
  request: SubjectRequestRow;
  person: { familyName: string; givenNames: string | null; dateOfBirth: string | null } | null;
};

const columns = {
  request: subjectRequests,
  person: {
    familyName: persons.familyName,
    givenNames: persons.givenNames,
    dateOfBirth: persons.dateOfBirth,
  },
};

/**
 * The next number of the `BA-<year>-<nnnn>` reference in `year` (1 for the first). The year's
 * row stays locked until the transaction ends, so parallel requests get distinct numbers, and a
 * request rolled back gives its number back.
 */
export async function nextSubjectRequestNumber({
  db,
  year,
}: {
  db: DbOrTx;
  year: number;
}): Promise<number> {
  const [row] = await db
    .insert(subjectRequestNumbers)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: subjectRequestNumbers.year,
      set: { last: sql`${subjectRequestNumbers.last} + 1` },
    })
    .returning({ last: subjectRequestNumbers.last });
  return row!.last;
}

export async function insertSubjectRequest({
  db,
  values,
}: {
  db: DbOrTx;
  values: typeof subjectRequests.$inferInsert;
}) {
  const [row] = await db.insert(subjectRequests).values(values).returning();
  if (!row) throw new Error('insert into subject_requests returned no row');
  return { request: row };
}

export async function updateSubjectRequest({
  db,
  id,
  changes,
}: {
  db: DbOrTx;
  id: string;
  changes: Partial<typeof subjectRequests.$inferInsert>;
}) {
  await db.update(subjectRequests).set(changes).where(eq(subjectRequests.id, id));
}

export async function findSubjectRequest({
  db,
  id,
}: {
  db: DbOrTx;
  id: string;
}): Promise<{ found: SubjectRequestJoined | null }> {
  const [found] = await db
    .select(columns)
    .from(subjectRequests)
    .leftJoin(persons, eq(persons.id, subjectRequests.personId))
    .where(eq(subjectRequests.id, id));
  return { found: (found as SubjectRequestJoined | undefined) ?? null };
}

/** Locks the row: concurrent answers, extensions and erasure confirmations queue up here. */
export async function findSubjectRequestForUpdate({ db, id }: { db: DbOrTx; id: string }) {
  const [request] = await db
    .select()
    .from(subjectRequests)
    .where(eq(subjectRequests.id, id))
    .for('update');
  return { request: request ?? null };
}

/** Requests by status, the earliest deadline first. */
export async function listSubjectRequests({
  db,
  status,
}: {
  db: DbOrTx;
  status: 'open' | 'answered' | 'all';
}): Promise<{ requests: SubjectRequestJoined[] }> {
  const rows = await db
    .select(columns)
    .from(subjectRequests)
    .leftJoin(persons, eq(persons.id, subjectRequests.personId))
    .where(status === 'all' ? undefined : and(eq(subjectRequests.status, status)))
    .orderBy(
      asc(sql`coalesce(${subjectRequests.extendedDueOn}, ${subjectRequests.dueOn})`),
      asc(subjectRequests.number),
    )
    .limit(1000);
  return { requests: rows as SubjectRequestJoined[] };
}
