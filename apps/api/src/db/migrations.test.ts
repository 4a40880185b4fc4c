import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, engines, engineTitle } from '../test-support/test-database.js';
import { rowsOf } from './database.js';
import { countMigrationFiles } from './migrations.js';

for (const target of engines) {
  describe.skipIf(target.skip)(`migrations ${engineTitle(target)}`, () => {
    it('apply to an empty database, twice without harm, with pg_trgm and fuzzystrmatch', async () => {
      const database = await createTestDatabase(target.engine, { fromTemplate: false });
      try {
        expect(await database.migrationStatus()).toEqual({
          applied: countMigrationFiles(),
          expected: countMigrationFiles(),
        });
        await database.migrate();
        expect((await database.migrationStatus()).applied).toBe(countMigrationFiles());
        const [row] = rowsOf<{ sim: number; code: string; lev: number }>(
          await database.db.execute(
            sql`SELECT similarity('Müller', 'Mueller') AS sim, soundex('Meyer') AS code, levenshtein('Maier', 'Meier') AS lev`,
          ),
        );
        expect(row?.sim).toBeGreaterThan(0.2);
        expect(row?.code).toBe('M600');
        expect(row?.lev).toBe(1);
      } finally {
        await database.close();
      }
    });
  });
}
