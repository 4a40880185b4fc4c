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

  const ask = (dateOfBirth: string) =>
    lookup.lookup({
      actor,
      request: { familyName: 'Müller', givenNames: 'Thomas', dateOfBirth, purpose: PURPOSE },
    });

  it.skipIf(e.skip)(
    `shows field staff the one Thomas Müller born on the day asked, first, ${engineTitle(e)}`,
    async () => {
      const answer = await ask('1975-03-12');
      expect(answer.view).toBe('field');
      const first = answer.candidates[0]!;
      expect(first.dateOfBirth).toBe('1975-03-12');
      expect(first.precautionsText).toBe('der Gesuchte');
      expect(first.band).toBe('sicher');
    },
  );

  it.skipIf(e.skip)(
    `finds him when day and month were typed the wrong way round, ${engineTitle(e)}`,
    async () => {
      const answer = await ask('1975-12-03');
      expect(answer.candidates.map((c) => c.dateOfBirth)).toContain('1975-03-12');
    },
  );
});
