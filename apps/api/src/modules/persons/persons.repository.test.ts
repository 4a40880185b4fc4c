import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { refreshSearchKeys } from '../lookup/lookup.service.js';
import { findSimilarPersons } from './persons.repository.js';
import { similarPersonKeys } from './persons.similar.js';
import { persons } from './persons.table.js';

const STORED = [
  ['Muhammad', 'Ali', '1990'],
  ['Müller-Lüdenscheidt', 'Hans', '1970-05-04'],
  ['Schmidt', 'Eva', '1982-07-14'],
  ['Meyer', 'Klaus', '1960'],
  ['Wagner', 'Klaus', null],
] as const;

describe.each(engines)('pre-selection of likely duplicates', (e) => {
  let database: Database;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    if (e.skip) return;
    database = await createTestDatabase(e.engine);
    const now = new Date('2026-01-15T10:00:00Z');
    for (const [familyName, givenNames, dateOfBirth] of STORED) {
      const [row] = await database.db
        .insert(persons)
        .values({ familyName, givenNames, dateOfBirth, createdAt: now, updatedAt: now })
        .returning();
      ids.set(familyName, row!.id);
    }
    await refreshSearchKeys({ db: database.db, personIds: [...ids.values()] });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  const similar = async (familyName: string, dateOfBirth: string | null) => {
    const { ids: found } = await findSimilarPersons({
      db: database.db,
      ...similarPersonKeys({ familyName, givenNames: null, dateOfBirth }),
    });
    const names = new Map([...ids].map(([name, id]) => [id, name]));
    return found.map((id) => names.get(id)).sort();
  };

  it.skipIf(e.skip)(`finds spellings by sound, typo and part ${engineTitle(e)}`, async () => {
    expect(await similar('Mohamed', '1990-02-01')).toEqual(['Muhammad']);
    expect(await similar('Müller', null)).toEqual(['Müller-Lüdenscheidt']);
    expect(await similar('Schmitt', '1982')).toEqual(['Schmidt']);
    expect(await similar('Wagner', '1975')).toEqual(['Wagner']);
    // Born decades apart: not offered.
    expect(await similar('Meier', '1990')).toEqual([]);
    expect(await similar('Meier', '1961')).toEqual(['Meyer']);
  });
});
