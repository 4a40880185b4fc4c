import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { personNames, persons } from '../persons/persons.table.js';
import {
  backfillSearchKeys,
  rekeyAfterNormalisationChange,
  SEARCH_KEY_VERSION,
} from './lookup.backfill.js';
import { personSearchKeys } from './lookup.table.js';

describe.each(engines)('search keys of persons stored before the look-up', (e) => {
  let database: Database;

  beforeAll(async () => {
    if (e.skip) return;
    database = await createTestDatabase(e.engine);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  const words = async (personId: string) =>
    (
      await database.db
        .select({ word: personSearchKeys.word })
        .from(personSearchKeys)
        .where(eq(personSearchKeys.personId, personId))
    )
      .map((r) => r.word)
      .sort();

  it.skipIf(e.skip)(`are made once, at start-up, ${engineTitle(e)}`, async () => {
    const now = new Date('2026-01-15T10:00:00Z');
    // Written straight into the tables, as data from before migration 0005 is.
    const [old] = await database.db
      .insert(persons)
      .values({
        familyName: 'Müller-Lüdenscheidt',
        givenNames: 'Klaus',
        dateOfBirth: '1970',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await database.db
      .insert(personNames)
      .values({ personId: old!.id, kind: 'alias', familyName: 'Yılmaz', givenNames: null });
    const [merged] = await database.db
      .insert(persons)
      .values({ familyName: 'Maier', mergedIntoId: old!.id, createdAt: now, updatedAt: now })
      .returning();

    expect(await backfillSearchKeys({ db: database.db, batch: 1 })).toEqual({ persons: 1 });
    // Each part of the double name, the parts written together, and the alias folded.
    expect(await words(old!.id)).toEqual(
      ['muller', 'mullerludenscheidt', 'ludenscheidt', 'yilmaz'].sort(),
    );
    // A record merged into another is found through the one it was merged into.
    expect(await words(merged!.id)).toEqual([]);
    const lookupWords = rowsOf<{ word: string }>(
      await database.db.execute(sql`SELECT word FROM lookup_words WHERE word = 'yilmaz'`),
    );
    expect(lookupWords).toHaveLength(1);

    // Nothing left to do the second time.
    expect(await backfillSearchKeys({ db: database.db })).toEqual({ persons: 0 });
  });

  it.skipIf(e.skip)(
    `are made again once when the name normalisation changed, ${engineTitle(e)}`,
    async () => {
      const now = new Date('2026-01-15T10:00:00Z');
      const [typed] = await database.db
        .insert(persons)
        .values({ familyName: 'Ｍüller', givenNames: 'Рaul', createdAt: now, updatedAt: now })
        .returning();
      // the keys an earlier normalisation made: the fullwidth Ｍ was dropped
      await database.db.insert(personSearchKeys).values({
        personId: typed!.id,
        nameKind: 'primary',
        word: 'uller',
        givenWord: 'raul',
        givenCode: '75',
      });
      await database.db.execute(sql`COMMENT ON TABLE person_search_keys IS NULL`);

      const first = await rekeyAfterNormalisationChange({ db: database.db, batch: 1 });
      expect(first.persons).toBeGreaterThanOrEqual(2);
      expect(await words(typed!.id)).toEqual(['muller']);
      const [given] = await database.db
        .select({ givenWord: personSearchKeys.givenWord })
        .from(personSearchKeys)
        .where(eq(personSearchKeys.personId, typed!.id));
      expect(given?.givenWord).toBe('paul');
      // Once the keys carry the current version, a start costs one catalogue read.
      expect(await rekeyAfterNormalisationChange({ db: database.db })).toEqual({
        rekeyed: false,
        persons: 0,
      });
      // A later version re-keys again.
      expect(
        (await rekeyAfterNormalisationChange({ db: database.db, version: SEARCH_KEY_VERSION + 1 }))
          .persons,
      ).toBeGreaterThanOrEqual(2);
    },
  );
});
