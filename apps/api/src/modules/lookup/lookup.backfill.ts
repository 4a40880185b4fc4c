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
