import { eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import { incidentPersons } from '../incidents/incidents.table.js';
import { legacyImports } from './legacy-import.table.js';

export type LegacyImportRow = typeof legacyImports.$inferSelect;

/** The rows of earlier imports with these references. */
export async function findLegacyImports({ db, references }: { db: DbOrTx; references: string[] }) {
  const rows: LegacyImportRow[] = [];
  for (let i = 0; i < references.length; i += 1000) {
    const chunk = references.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    rows.push(
      ...(await db
        .select()
        .from(legacyImports)
        .where(inArray(legacyImports.legacyReference, chunk))),
    );
  }
  return { rows };
}

/**
 * Claims a legacy reference for this transaction: false when it is taken (a concurrent run of
 * the same file waits here for the other transaction and then finds it taken).
 */
export async function claimLegacyReference({
  db,
  row,
}: {
  db: DbOrTx;
  row: Pick<
    typeof legacyImports.$inferInsert,
    'legacyReference' | 'rowHash' | 'importedBy' | 'importedAt'
  >;
}) {
  const claimed = await db
    .insert(legacyImports)
    .values(row)
    .onConflictDoNothing()
    .returning({ reference: legacyImports.legacyReference });
  return claimed.length === 1;
}

/** Records what the claimed reference created. */
export async function completeLegacyImport({
  db,
  legacyReference,
  ids,
}: {
  db: DbOrTx;
  legacyReference: string;
  ids: { personId: string; incidentId: string; listingId: string | null };
}) {
  await db.update(legacyImports).set(ids).where(eq(legacyImports.legacyReference, legacyReference));
}

/** The involved-person rows of an incident, in reported order. */
export async function listInvolvedIds({ db, incidentId }: { db: DbOrTx; incidentId: string }) {
  const rows = await db
    .select({ id: incidentPersons.id })
    .from(incidentPersons)
    .where(eq(incidentPersons.incidentId, incidentId))
    .orderBy(incidentPersons.position);
  return { ids: rows.map((r) => r.id) };
}

/**
 * `findSimilarPersons` for many reported persons in one statement (the dry run checks a whole
 * batch of rows at once instead of one query per row): the same pre-selection — a family-name
 * word spelled the same, with the same Kölner Phonetik code or similar (trigram, 10 nearest),
 * the birth year ±1 — and at most `limit` person ids per asked person, by its index.
 */
export async function findSimilarPersonsBatch({
  db,
  asked,
  limit = 50,
}: {
  db: DbOrTx;
  asked: readonly {
    words: readonly string[];
    codes: readonly string[];
    birthYear: number | null;
  }[];
  limit?: number;
}) {
  const index: number[] = [];
  const words: string[] = [];
  const codes: string[] = [];
  asked.forEach((a, i) =>
    a.words.forEach((word, k) => {
      index.push(i);
      words.push(word);
      codes.push(a.codes[k] ?? '');
    }),
  );
  const ids = asked.map(() => [] as string[]);
  if (words.length === 0) return { ids };
  const years = asked.map((a) => a.birthYear);
  const result = await db.execute(sql`
    WITH q AS (
      SELECT * FROM unnest(${sql.param(index)}::int[], ${sql.param(words)}::text[], ${sql.param(codes)}::text[]) AS q(i, word, code)
    ), y AS (
      SELECT (n - 1)::int AS i, year FROM unnest(${sql.param(years)}::int[]) WITH ORDINALITY AS y(year, n)
    ), vocabulary AS (
      SELECT DISTINCT word, code FROM q
    ), near AS (
      SELECT v.word AS asked, w.word FROM vocabulary v JOIN lookup_words w ON w.word = v.word
      UNION SELECT v.word, w.word FROM vocabulary v JOIN lookup_words w
        ON w.code = v.code AND w.code <> ''
      UNION SELECT v.word, s.word FROM vocabulary v CROSS JOIN LATERAL (
        SELECT w.word FROM lookup_words w WHERE w.word % v.word
        ORDER BY w.word <-> v.word LIMIT 10) s
    ), hits AS (
      SELECT DISTINCT q.i, k.person_id FROM q
      JOIN near n ON n.asked = q.word
      JOIN person_search_keys k ON k.word = n.word
      JOIN persons p ON p.id = k.person_id AND p.merged_into_id IS NULL
      JOIN y ON y.i = q.i
      WHERE y.year IS NULL OR k.birth_year IS NULL
        OR k.birth_year BETWEEN y.year - 1 AND y.year + 1
    )
    SELECT i, person_id AS id FROM (
      SELECT i, person_id, row_number() OVER (PARTITION BY i ORDER BY person_id) AS n FROM hits
    ) ranked WHERE n <= ${limit}`);
  for (const { i, id } of rowsOf<{ i: number; id: string }>(result)) ids[i]!.push(id);
  return { ids };
}
