import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { personAddresses, personNames, persons } from './persons.table.js';

export type PersonRow = typeof persons.$inferSelect;
export type PersonNameRow = typeof personNames.$inferSelect;
export type PersonAddressRow = typeof personAddresses.$inferSelect;
export interface PersonRecord {
  person: PersonRow;
  names: PersonNameRow[];
  addresses: PersonAddressRow[];
}

export async function insertPerson({
  db,
  person,
}: {
  db: DbOrTx;
  person: typeof persons.$inferInsert;
}) {
  const [row] = await db.insert(persons).values(person).returning();
  if (!row) throw new Error('insert into persons returned no row');
  return { person: row };
}

export async function insertAddress({
  db,
  address,
}: {
  db: DbOrTx;
  address: typeof personAddresses.$inferInsert;
}) {
  await db.insert(personAddresses).values(address);
}

export async function insertName({
  db,
  name,
}: {
  db: DbOrTx;
  name: typeof personNames.$inferInsert;
}) {
  await db.insert(personNames).values(name);
}

/** Persons with their names and addresses, in the order of `ids`. */
export async function findPersons({ db, ids }: { db: DbOrTx; ids: string[] }) {
  if (ids.length === 0) return { records: [] as PersonRecord[] };
  const rows = await db.select().from(persons).where(inArray(persons.id, ids));
  const names = await db
    .select()
    .from(personNames)
    .where(inArray(personNames.personId, ids))
    .orderBy(asc(personNames.familyName));
  const addresses = await db
    .select()
    .from(personAddresses)
    .where(inArray(personAddresses.personId, ids))
    .orderBy(asc(personAddresses.validFrom));
  const byId = new Map(rows.map((p) => [p.id, p]));
  const records = ids
    .filter((id) => byId.has(id))
    .map((id) => ({
      person: byId.get(id)!,
      names: names.filter((n) => n.personId === id),
      addresses: addresses.filter((a) => a.personId === id),
    }));
  return { records };
}

export async function findPersonForUpdate({ db, id }: { db: DbOrTx; id: string }) {
  const [row] = await db.select().from(persons).where(eq(persons.id, id)).for('update');
  return { person: row ?? null };
}

/**
 * Likely duplicates before the look-up matcher exists: the same or a similar family name
 * (also among aliases), narrowed by the year of birth when both are known.
 */
export async function findSimilarPersons({
  db,
  familyName,
  birthYear,
  limit = 10,
}: {
  db: DbOrTx;
  familyName: string;
  birthYear: string | null;
  limit?: number;
}) {
  const name = familyName.toLowerCase();
  const similar = (column: typeof persons.familyName | typeof personNames.familyName) =>
    or(
      sql`lower(${column}) = ${name}`,
      sql`levenshtein(lower(${column}), ${name}) <= 2`,
      sql`soundex(${column}) = soundex(${familyName})`,
    );
  const year = birthYear
    ? sql`(${persons.dateOfBirth} is null or left(${persons.dateOfBirth}, 4) = ${birthYear})`
    : sql`true`;
  const rows = await db
    .selectDistinct({ id: persons.id })
    .from(persons)
    .leftJoin(personNames, eq(personNames.personId, persons.id))
    .where(
      and(
        isNull(persons.mergedIntoId),
        or(similar(persons.familyName), similar(personNames.familyName)),
        year,
      ),
    )
    .limit(limit);
  return { ids: rows.map((r) => r.id) };
}

export async function updatePerson({
  db,
  id,
  changes,
}: {
  db: DbOrTx;
  id: string;
  changes: Partial<typeof persons.$inferInsert>;
}) {
  await db.update(persons).set(changes).where(eq(persons.id, id));
}

/** Moves names and addresses of a merged record to the surviving one. */
export async function moveNamesAndAddresses({
  db,
  fromId,
  toId,
}: {
  db: DbOrTx;
  fromId: string;
  toId: string;
}) {
  await db.update(personNames).set({ personId: toId }).where(eq(personNames.personId, fromId));
  await db
    .update(personAddresses)
    .set({ personId: toId })
    .where(eq(personAddresses.personId, fromId));
}
