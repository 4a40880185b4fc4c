import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { persons } from '../persons/persons.table.js';
import { createFixtureRegistrar, loadFixturePersons } from './lookup.fixtures.js';
import { refreshSearchKeys } from './lookup.service.js';
import { readNameFrequencies } from './name-frequency.repository.js';

describe.each(engines)('name frequencies of the register', (e) => {
  let database: Database;

  beforeAll(async () => {
    if (e.skip) return;
    database = await createTestDatabase(e.engine);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  const read = () =>
    readNameFrequencies({
      db: database.db,
      family: ['muller', 'ludenscheidt', 'schmidt'],
      given: ['peter', 'anna'],
    });

  it.skipIf(e.skip)(
    `are right after a bulk load, a change of name and an erasure, ${engineTitle(e)}`,
    async () => {
      const { userId } = await createFixtureRegistrar({ db: database.db });
      const ids = await loadFixturePersons({
        db: database.db,
        registrarId: userId,
        people: [
          { familyName: 'Müller', givenNames: 'Peter' },
          { familyName: 'Mueller', givenNames: 'Peter Paul' },
          // One person, two family words and an alias with the same word: counted once.
          {
            familyName: 'Müller-Lüdenscheidt',
            givenNames: 'Anna',
            names: [{ kind: 'alias', familyName: 'Müller', givenNames: 'Anne' }],
          },
          { familyName: 'Schmidt', givenNames: 'Anna' },
        ],
      });
      let f = await read();
      expect(f.persons).toBe(4);
      expect(f.count('family', 'muller')).toBe(3);
      expect(f.count('family', 'ludenscheidt')).toBe(1);
      expect(f.count('given', 'peter')).toBe(2);
      expect(f.count('given', 'anna')).toBe(2);

      // Renamed: Schmidt becomes Müller.
      await database.db.transaction(async (tx) => {
        await tx.update(persons).set({ familyName: 'Müller' }).where(eq(persons.id, ids[3]!));
        await refreshSearchKeys({ db: tx, personIds: [ids[3]!] });
      });
      f = await read();
      expect(f.count('family', 'muller')).toBe(4);
      expect(f.count('family', 'schmidt')).toBe(0);
      expect(f.persons).toBe(4);

      // Keys go by cascade when a person is erased.
      await database.db.delete(persons).where(eq(persons.id, ids[0]!));
      f = await read();
      expect(f.count('family', 'muller')).toBe(3);
      expect(f.count('given', 'peter')).toBe(1);
      expect(f.persons).toBe(3);
    },
  );
});
