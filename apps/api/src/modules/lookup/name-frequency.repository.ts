import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import { frequenciesFrom, type NameFrequencies } from '../matching/term-frequency.js';

/**
 * The register's name counts (`name_frequencies`, kept by triggers on the search keys) for the
 * words of a ranking's candidates: one index probe per word.
 */
export async function readNameFrequencies({
  db,
  family,
  given,
}: {
  db: DbOrTx;
  family: readonly string[];
  given: readonly string[];
}): Promise<NameFrequencies> {
  const list = (words: readonly string[]) =>
    words.length === 0
      ? sql`NULL`
      : sql.join(
          [...new Set(words)].map((w) => sql`${w}`),
          sql`, `,
        );
  const rows = rowsOf<{ kind: string; word: string; persons: number }>(
    await db.execute(sql`SELECT kind, word, persons FROM name_frequencies
      WHERE (kind = 'all' AND word = '')
        OR (kind = 'family' AND word IN (${list(family)}))
        OR (kind = 'given' AND word IN (${list(given)}))`),
  );
  let persons = 0;
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === 'all') persons = Number(row.persons);
    else counts.set(`${row.kind}:${row.word}`, Number(row.persons));
  }
  return frequenciesFrom(persons, counts);
}
