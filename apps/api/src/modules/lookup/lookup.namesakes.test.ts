import { permissionsFor } from '@zemag/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { createAuditService } from '../audit/audit.service.js';
import {
  createFixtureRegistrar,
  loadFixturePersons,
  type FixturePerson,
} from './lookup.fixtures.js';
import { createLookupService } from './lookup.service.js';

const PURPOSE = { fileNumber: 'OA-2026/0815', reason: 'home_visit' };

/** Day `i` of a spread of dates from 1940 on (never 1975-03-12, the date asked for). */
function otherDate(i: number) {
  const year = 1940 + (i % 70);
  const month = 1 + (Math.floor(i / 70) % 12);
  const day = 1 + (Math.floor(i / 840) % 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return date === '1975-03-12' ? '1975-03-13' : date;
}

/**
 * A register full of namesakes: 3,000 listed "Thomas Müller" born on other days, 300 without
 * a date of birth, and the one born on 12.03.1975.
 */
function namesakes(): FixturePerson[] {
  const listing = { status: 'active' as const };
  return [
    ...Array.from({ length: 3000 }, (_, i) => ({
      familyName: 'Müller',
      givenNames: 'Thomas',
      dateOfBirth: otherDate(i),
      listing,
    })),
    ...Array.from({ length: 300 }, () => ({
      familyName: 'Müller',
      givenNames: 'Thomas',
      dateOfBirth: null,
      listing,
    })),
    {
      familyName: 'Müller',
      givenNames: 'Thomas',
      dateOfBirth: '1975-03-12',
      listing: { ...listing, precautionsText: 'der Gesuchte' },
    },
  ];
}

describe.each(engines)('a look-up among namesakes', (e) => {
  let database: Database;
  let lookup: ReturnType<typeof createLookupService>;
  let actor: { id: string; abilities: ReturnType<typeof permissionsFor> };

  beforeAll(async () => {
    if (e.skip) return;
    database = await createTestDatabase(e.engine);
    const { db } = database;
    const clock = createManualClock();
    const { userId } = await createFixtureRegistrar({ db });
    await loadFixturePersons({ db, people: namesakes(), registrarId: userId });
    lookup = createLookupService({ db, audit: createAuditService({ clock }), clock });
    actor = { id: userId, abilities: permissionsFor(['field']) };
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  const ask = (dateOfBirth: string, roles: Parameters<typeof permissionsFor>[0] = ['field']) =>
    lookup.lookup({
      actor: { ...actor, abilities: permissionsFor(roles) },
      request: { familyName: 'Müller', givenNames: 'Thomas', dateOfBirth, purpose: PURPOSE },
    });

  it.skipIf(e.skip)(
    `shows field staff the one Thomas Müller born on the day asked, and none of his namesakes, ${engineTitle(e)}`,
    async () => {
      const answer = await ask('1975-03-12');
      expect(answer.view).toBe('field');
      expect(answer.candidates).toHaveLength(1);
      const [him] = answer.candidates;
      expect(him!.dateOfBirth).toBe('1975-03-12');
      expect(him!.precautionsText).toBe('der Gesuchte');
      // In a register where 3,301 of 3,301 persons are called Thomas Müller the name is no
      // evidence; the date alone makes him probable, not certain.
      expect(him!.band).toBe('wahrscheinlich');
    },
  );

  it.skipIf(e.skip)(
    `shows a registrar him as possible when day and month were typed the wrong way round, ${engineTitle(e)}`,
    async () => {
      const field = await ask('1975-12-03');
      // Field staff see only the namesake born on the day typed ...
      expect(field.candidates.map((c) => c.dateOfBirth)).toEqual(['1975-12-03']);
      // ... a registrar also sees the one whose day and month are swapped, as possible.
      const registrar = await ask('1975-12-03', ['registrar']);
      expect(registrar.view).toBe('registrar');
      const swapped = registrar.candidates.find((c) => c.dateOfBirth === '1975-03-12');
      expect(swapped?.band).toBe('möglich');
      expect(registrar.candidates[0]!.dateOfBirth).toBe('1975-12-03');
    },
  );
});
