import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import {
  activatedListing,
  call as callOn,
  confirmedReport,
  linkedToNewPerson,
  signInCast,
} from '../../test-support/register.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';

const REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: { description: 'Bürgerbüro, Wartebereich' },
  categories: ['threat'],
  level: 2,
  description: 'Drohte, der Sachbearbeiterin aufzulauern.',
  criminalComplaint: { status: 'yes', fileNumber: '71 Js 1234/25' },
  persons: [{ familyName: 'Meyer', givenNames: 'Klaus', dateOfBirth: '1975-04-12' }],
};
const REASON = 'Meldeauskunft vom 10.01.2026 liegt vor';

for (const target of engines) {
  describe.skipIf(target.skip)(`corrections (Art. 16) ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    let registrarA: string;
    let registrarB: string;
    let field: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      ({ reporter, registrarA, registrarB, field } = await signInCast(t));
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      callOn(t, cookie, method, url, payload);

    /** A confirmed report, its person linked as a new record, listed and active. */
    async function listedPerson(familyName: string) {
      const cookies = { reporter, registrarA, registrarB };
      const incident = await confirmedReport(t, cookies, {
        ...REPORT,
        persons: [{ ...REPORT.persons[0], familyName }],
      });
      const person = await linkedToNewPerson(t, registrarA, incident, {
        familyName,
        givenNames: 'Klaus',
        dateOfBirth: '1975-04-12',
      });
      await activatedListing(t, cookies, {
        personId: person.id,
        incidentIds: [incident.id],
        reason: 'Bedrohung im Bürgerbüro',
      });
      return { person, incidentId: incident.id as string };
    }

    const lookup = (familyName: string) =>
      call(field, 'POST', '/api/v1/lookups', {
        familyName,
        purpose: { fileNumber: 'VZ-2026-118', reason: 'home_visit' },
      }).then((r) => (r.json().candidates as { familyName: string }[]).map((c) => c.familyName));

    it('corrects names, date of birth and addresses; the look-up follows at once; the history keeps the old values', async () => {
      const { person } = await listedPerson('Brzezinski');
      expect(await lookup('Brzezinski')).toEqual(['Brzezinski']);
      const corrected = await call(registrarA, 'POST', `/api/v1/persons/${person.id}/corrections`, {
        reason: REASON,
        expectedUpdatedAt: person.updatedAt,
        changes: {
          familyName: 'Wojciechowski',
          dateOfBirth: '1975-04-21',
          addresses: [
            { street: 'Ringstraße', houseNumber: '4', postalCode: '50667', city: 'Musterstadt' },
            {
              street: 'Alter Weg',
              houseNumber: '1',
              validFrom: '2019-01-01',
              validTo: '2024-06-30',
            },
          ],
        },
      });
      expect(corrected.statusCode).toBe(200);
      expect(corrected.json()).toMatchObject({
        familyName: 'Wojciechowski',
        dateOfBirth: '1975-04-21',
        corrections: [
          {
            reason: REASON,
            changes: {
              familyName: { from: 'Brzezinski', to: 'Wojciechowski' },
              dateOfBirth: { from: '1975-04-12', to: '1975-04-21' },
              addresses: { from: [] },
            },
          },
        ],
      });
      expect(corrected.json().addresses).toHaveLength(2);
      expect(await lookup('Wojciechowski')).toEqual(['Wojciechowski']);
      expect(await lookup('Brzezinski')).toEqual([]);

      // The old name kept as a former name is found again.
      const again = await call(registrarA, 'POST', `/api/v1/persons/${person.id}/corrections`, {
        reason: REASON,
        expectedUpdatedAt: corrected.json().updatedAt,
        changes: { names: [{ kind: 'former', familyName: 'Brzezinski' }] },
      });
      expect(again.statusCode).toBe(200);
      expect(await lookup('Brzezinski')).toEqual(['Wojciechowski']);

      const read = (await call(registrarB, 'GET', `/api/v1/persons/${person.id}`)).json();
      expect(read.corrections).toHaveLength(2);
      expect(read.names).toEqual([{ kind: 'former', familyName: 'Brzezinski', givenNames: null }]);

      // The audit names the fields, never the values.
      const events = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'person.corrected'))
        .orderBy(asc(auditEvents.seq));
      const mine = events.filter((e) => e.subjectId === person.id);
      expect(mine.map((e) => e.details.fields)).toEqual([
        ['familyName', 'dateOfBirth', 'addresses'],
        ['names'],
      ]);
      expect(JSON.stringify(mine)).not.toContain('Wojciechowski');
      expect(JSON.stringify(mine)).not.toContain('1975');

      // What was read before the last correction is stale.
      const stale = await call(registrarA, 'POST', `/api/v1/persons/${person.id}/corrections`, {
        reason: REASON,
        expectedUpdatedAt: corrected.json().updatedAt,
        changes: { givenNames: 'Klaus Peter' },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'correction.stale',
        errors: [{ field: 'expectedUpdatedAt' }],
      });
    });

    it('refuses unknown persons, empty and hostile input naming the field, and other roles', async () => {
      const { person } = await listedPerson('Hartmann');
      const correct = (body: object, id = person.id, cookie = registrarA) =>
        call(cookie, 'POST', `/api/v1/persons/${id}/corrections`, {
          reason: REASON,
          expectedUpdatedAt: person.updatedAt,
          ...body,
        });
      const unknown = await correct({ changes: { familyName: 'X' } }, randomUUID());
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'person.not_found', errors: [{ field: 'id' }] });
      const empty = await correct({ changes: {} });
      expect(empty.json()).toMatchObject({
        code: 'correction.empty',
        errors: [{ field: 'changes' }],
      });
      const same = await correct({ changes: { familyName: 'Hartmann' } });
      expect(same.statusCode).toBe(400);
      expect(same.json().code).toBe('correction.empty');
      const cases: [object, string][] = [
        [{ reason: 'zu kurz', changes: { familyName: 'Hartmann-Klein' } }, 'reason'],
        [{ reason: 'x'.repeat(10_000), changes: { familyName: 'Hartmann-Klein' } }, 'reason'],
        [{ changes: { familyName: 'x'.repeat(10_000) } }, 'changes.familyName'],
        [{ changes: { familyName: 'Hart\u0000mann' } }, 'changes.familyName'],
        [{ changes: { givenNames: 'Kl\ud800aus' } }, 'changes.givenNames'],
        [{ changes: { dateOfBirth: '12.04.1975' } }, 'changes.dateOfBirth'],
        [
          {
            changes: {
              addresses: [{ street: 'A', validFrom: '2024-01-01', validTo: '2023-01-01' }],
            },
          },
          'changes.addresses.0.validTo',
        ],
      ];
      for (const [body, name] of cases) {
        const refused = await correct(body);
        expect(refused.statusCode, name).toBe(400);
        expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain(name);
      }
      const byReporter = await correct(
        { changes: { familyName: 'Hartmann-Klein' } },
        person.id,
        reporter,
      );
      expect(byReporter.statusCode).toBe(403);
      // Nothing changed.
      const read = (await call(registrarA, 'GET', `/api/v1/persons/${person.id}`)).json();
      expect(read).toMatchObject({
        familyName: 'Hartmann',
        updatedAt: person.updatedAt,
        corrections: [],
      });
    });

    it('two registrars correcting the same person at once: one wins, the other gets 409', async () => {
      const { person } = await listedPerson('Schmitz');
      const [a, b] = await Promise.all(
        [registrarA, registrarB].map((cookie, i) =>
          call(cookie, 'POST', `/api/v1/persons/${person.id}/corrections`, {
            reason: REASON,
            expectedUpdatedAt: person.updatedAt,
            changes: { givenNames: i === 0 ? 'Klaus Peter' : 'Klaus Dieter' },
          }),
        ),
      );
      expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
      const read = (await call(registrarA, 'GET', `/api/v1/persons/${person.id}`)).json();
      expect(read.corrections).toHaveLength(1);
      expect(read.givenNames).toBe(read.corrections[0].changes.givenNames.to);
    });

    it('corrects a report with history; refuses a correction that removes the ground of a listing, one’s own report and a stale version', async () => {
      const { incidentId } = await listedPerson('Krause');
      const incident = (await call(registrarB, 'GET', `/api/v1/incidents/${incidentId}`)).json();
      const correct = (changes: object, cookie = registrarB, version = incident.version) =>
        call(cookie, 'POST', `/api/v1/incidents/${incidentId}/corrections`, {
          reason: REASON,
          expectedVersion: version,
          changes,
        });
      const lowered = await correct({ level: 1 });
      expect(lowered.statusCode).toBe(409);
      expect(lowered.json()).toMatchObject({
        code: 'incident.correction_breaks_listing',
        errors: [{ field: 'changes.level' }],
      });
      const withdrawn = await correct({ criminalComplaint: { status: 'no' } });
      expect(withdrawn.json()).toMatchObject({
        code: 'incident.correction_breaks_listing',
        errors: [{ field: 'changes.criminalComplaint.status' }],
      });
      const corrected = await correct({
        level: 3,
        categories: ['threat', 'weapon_or_tool'],
        description: 'Drohte mit einem Messer.',
        persons: [{ id: incident.persons[0].id, familyName: 'Krause', givenNames: 'Klaus-Dieter' }],
      });
      expect(corrected.statusCode).toBe(200);
      expect(corrected.json()).toMatchObject({
        level: 3,
        version: incident.version + 1,
        description: 'Drohte mit einem Messer.',
        persons: [{ givenNames: 'Klaus-Dieter', personId: incident.persons[0].personId }],
        corrections: [
          {
            reason: REASON,
            changes: {
              level: { from: 2, to: 3 },
              description: { from: REPORT.description, to: 'Drohte mit einem Messer.' },
              'persons.0': { from: { givenNames: 'Klaus' }, to: { givenNames: 'Klaus-Dieter' } },
            },
          },
        ],
      });
      const read = (await call(registrarA, 'GET', `/api/v1/incidents/${incidentId}`)).json();
      expect(read.corrections).toHaveLength(1);
      const own = (await call(reporter, 'GET', `/api/v1/incidents/${incidentId}`)).json();
      expect(own.corrections).toBeUndefined();

      const stale = await correct({ injuries: 'minor' });
      expect(stale.json()).toMatchObject({
        code: 'correction.stale',
        errors: [{ field: 'expectedVersion' }],
      });
      const [x, y] = await Promise.all(
        [registrarA, registrarB].map((cookie) =>
          correct({ injuries: 'minor' }, cookie, corrected.json().version),
        ),
      );
      expect([x!.statusCode, y!.statusCode].sort()).toEqual([200, 409]);

      // Registrar A's own report.
      const ownReport = await t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { cookie: registrarA, 'idempotency-key': randomUUID() },
        payload: REPORT,
      });
      const ownId = ownReport.json().id;
      const refused = await call(registrarA, 'POST', `/api/v1/incidents/${ownId}/corrections`, {
        reason: REASON,
        expectedVersion: 1,
        changes: { description: 'anders' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('incident.own_report');
      const unknown = await call(
        registrarA,
        'POST',
        `/api/v1/incidents/${randomUUID()}/corrections`,
        {
          reason: REASON,
          expectedVersion: 1,
          changes: { description: 'anders' },
        },
      );
      expect(unknown.statusCode).toBe(404);
      const empty = await call(registrarB, 'POST', `/api/v1/incidents/${ownId}/corrections`, {
        reason: REASON,
        expectedVersion: 1,
        changes: {},
      });
      expect(empty.json().code).toBe('correction.empty');
    });
  });
}
