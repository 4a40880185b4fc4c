import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/database.js';
import { refreshSearchKeys } from './lookup.service.js';

/**
 * Gives every person without look-up search keys their keys: persons stored before the
 * look-up existed (migration 0005) or written by hand. Every person has at least one key row
 * once refreshed (a person without a family name gets the empty word), so this finds only
 * those never indexed. Runs when a start applied migrations (an upgrade); a no-op costs one
 * anti-join.
 */
export async function backfillSearchKeys({
  db,
  batch = 500,
}: {
  db: Db;
  batch?: number;
}): Promise<{ persons: number }> {
  const done = new Set<string>();
  for (;;) {
    const ids = rowsOf<{ id: string }>(
      await db.execute(sql`SELECT p.id FROM persons p
        WHERE p.merged_into_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM person_search_keys k WHERE k.person_id = p.id)
        ORDER BY p.id LIMIT ${batch}`),
    )
      .map((r) => r.id)
      .filter((id) => !done.has(id));
    // Persons that still have no keys after a refresh would come back for ever: stop.
    if (ids.length === 0) return { persons: done.size };
    await db.transaction((tx) => refreshSearchKeys({ db: tx, personIds: ids }));
    for (const id of ids) done.add(id);
  }
}

/**
 * The version of the name normalisation (normalise.ts) that the stored search keys were made
 * with. Raise it whenever a change there alters what a stored name folds to; the next start
 * re-keys every person. 2: NFKC and the look-alike skeleton of Cyrillic and Greek letters.
 */
export const SEARCH_KEY_VERSION = 2;
const versionMark = (version: number) => `zemag search keys v${version}`;

/**
 * Re-keys every person once after the normalisation changed, without a migration: the version
 * the keys were made with is kept as the comment of `person_search_keys` (catalogue metadata,
 * no column), read in one query at every start. Persons are re-keyed in batches of `batch`,
 * each batch in its own transaction; the mark is written last, so a start that stops half way
 * re-keys again next time (refreshing keys is idempotent).
 */
export async function rekeyAfterNormalisationChange({
  db,
  batch = 500,
  version = SEARCH_KEY_VERSION,
}: {
  db: Db;
  batch?: number;
  version?: number;
}): Promise<{ rekeyed: boolean; persons: number }> {
  const [stored] = rowsOf<{ mark: string | null }>(
    await db.execute(
      sql`SELECT obj_description('person_search_keys'::regclass, 'pg_class') AS mark`,
    ),
  );
  if (stored?.mark === versionMark(version)) return { rekeyed: false, persons: 0 };
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const ids: string[] = rowsOf<{ id: string }>(
      await db.execute(sql`SELECT p.id FROM persons p
        WHERE p.merged_into_id IS NULL AND (${after}::uuid IS NULL OR p.id > ${after}::uuid)
        ORDER BY p.id LIMIT ${batch}`),
    ).map((r) => r.id);
    if (ids.length === 0) break;
    await db.transaction((tx) => refreshSearchKeys({ db: tx, personIds: ids }));
    count += ids.length;
    after = ids.at(-1)!;
  }
  await db.execute(
    sql.raw(`COMMENT ON TABLE person_search_keys IS '${versionMark(Math.trunc(version))}'`),
  );
  return { rekeyed: true, persons: count };
}
