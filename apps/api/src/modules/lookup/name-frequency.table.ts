import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * How many persons bear each name word (term frequencies of the matching engine): `family`
 * counts persons with the folded word in any of their family names, `given` persons with it as
 * first given name, and the one row `all`/'' the persons with search keys. Kept by statement
 * triggers on `person_search_keys` (migration 0024), so every path that writes keys — a
 * person's refresh, the bulk loader, an erasure's cascade — keeps it current.
 */
export const nameFrequencies = pgTable(
  'name_frequencies',
  {
    kind: text('kind').notNull(),
    word: text('word').notNull(),
    persons: integer('persons').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.word] })],
);
