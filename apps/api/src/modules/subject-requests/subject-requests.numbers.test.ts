import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { makePerson, makeUser } from '../deletion/deletion.fixtures.js';

/**
 * Request references `BA-<year>-<n>` count within the calendar year of the city (Europe/Berlin):
 * the first request after midnight on New Year's Eve is number 1 again, even while UTC is still
 * in the old year, and requests recorded at the same moment never share a number.
 */
for (const target of engines) {
  describe.skipIf(target.skip)(`subject request numbers per year ${engineTitle(target)}`, () => {
    const ctx = useTestApp(target.engine, async (t) => ({
      registrar: { id: (await makeUser(t.database.db)).id },
    }));

    /** Eight requests, each for a person of its own, recorded at once. */
    async function eightAtOnce() {
      const persons = await Promise.all(
        Array.from({ length: 8 }, () => makePerson(ctx.t.database.db)),
      );
      const recorded = await Promise.all(
        persons.map((person) =>
          ctx.t.services.subjectRequests.record({
            actor: ctx.registrar,
            input: {
              personId: person.id,
              kind: 'access',
              receivedOn: '2026-12-30',
              identityCheck: 'Personalausweis vorgelegt',
            },
          }),
        ),
      );
      return recorded.map((r) => r.reference).sort();
    }
    const numbered = (year: number, from: number) =>
      Array.from({ length: 8 }, (_, i) => `BA-${year}-${String(from + i).padStart(4, '0')}`);

    it('restarts at 1 at midnight in Berlin on New Year, unique under parallel requests', async () => {
      ctx.t.clock.set(new Date('2026-12-31T22:59:59Z')); // 23:59:59 in Berlin
      expect(await eightAtOnce()).toEqual(numbered(2026, 1));
      expect(await eightAtOnce()).toEqual(numbered(2026, 9));

      ctx.t.clock.set(new Date('2026-12-31T23:00:00Z')); // 00:00 on 1 January 2027 in Berlin
      expect(await eightAtOnce()).toEqual(numbered(2027, 1));
    });
  });
}
