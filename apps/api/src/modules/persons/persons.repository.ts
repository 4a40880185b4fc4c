import { randomUUID } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { personAddresses, personNames, persons } from './persons.table.js';

export type PersonRow = typeof persons.$inferSelect;
export type PersonNameRow = typeof personNames.$inferSelect;
export type PersonAddressRow = typeof personAddresses.$inferSelect;
export interface PersonRecord {
  person: PersonRow;
  names: PersonNameRow[];
  addresses: PersonAddressRow[];
}

/** Stores a person; the notes encrypted under the row's id. */
export async function insertPerson({
  db,
  cipher,
  person,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  person: typeof persons.$inferInsert;
}) {
  const id = person.id ?? randomUUID();
  const notes = await cipher.seal(db, 'persons.notes', id, person.notes ?? null);
  const [row] = await db
    .insert(persons)
    .values({ ...person, id, notes })
    .returning();
  if (!row) throw new Error('insert into persons returned no row');
  return { person: { ...row, notes: person.notes ?? null } };
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

/** Persons with their names and addresses (notes in plain text), in the order of `ids`. */
export async function findPersons({
  db,
  cipher,
  ids,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  ids: string[];
}) {
  if (ids.length === 0) return { records: [] as PersonRecord[] };
  const sealed = await db.select().from(persons).where(inArray(persons.id, ids));
  const rows = await Promise.all(
    sealed.map(async (p) => ({
      ...p,
      notes: await cipher.open(db, 'persons.notes', p.id, p.notes),
    })),
  );
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
/**
 * Persons (not merged away) whose family name — current, alias or former — is one of the words
 * given, sounds the same (Kölner Phonetik code) or is spelled similarly (pg_trgm), born within a
 * year of `birthYear` or with no date stored: the look-up's search keys, without its listing
 * filter. The caller ranks them (`persons.similar.ts`).
 */
export async function findSimilarPersons({
  db,
  words,
  codes,
  birthYear,
  limit = 50,
}: {
  db: DbOrTx;
  /** Folded family-name words (`familyNameWords`). */
  words: readonly string[];
  /** Their Kölner Phonetik codes. */
  codes: readonly string[];
  birthYear: number | null;
  limit?: number;
}) {
  if (words.length === 0) return { ids: [] as string[] };
  const wordList = sql`ARRAY[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;
  const codeList = sql`ARRAY[${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  const year =
    birthYear === null
      ? sql`true`
      : sql`(k.birth_year IS NULL OR k.birth_year BETWEEN ${birthYear - 1} AND ${birthYear + 1})`;
  const result = await db.execute(sql`
    WITH asked AS (
      SELECT w.word FROM lookup_words w WHERE w.word = ANY(${wordList})
      UNION SELECT w.word FROM lookup_words w WHERE w.code = ANY(${codeList}) AND w.code <> ''
      UNION SELECT s.word FROM unnest(${wordList}) AS a(word) CROSS JOIN LATERAL (
        SELECT w.word FROM lookup_words w WHERE w.word % a.word
        ORDER BY w.word <-> a.word LIMIT 10) s
    )
    SELECT k.person_id AS id FROM person_search_keys k
    JOIN persons p ON p.id = k.person_id AND p.merged_into_id IS NULL
    WHERE k.word IN (SELECT word FROM asked) AND ${year}
    GROUP BY k.person_id LIMIT ${limit}`);
  return { ids: rowsOf<{ id: string }>(result).map((r) => r.id) };
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
