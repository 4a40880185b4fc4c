import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call as callAs, confirmedReport as confirmedBy } from '../../test-support/register.js';
import { buildTestApp, signedInCookie, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';

const REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: { description: 'Bürgerbüro, Wartebereich' },
  categories: ['threat'],
  level: 2,
  description: 'Drohte, der Sachbearbeiterin aufzulauern.',
  persons: [{ familyName: 'Meyer', givenNames: 'Klaus', dateOfBirth: '1975-04-12' }],
};
const REASON = 'Nachtrag der Polizei vom 10.01.2026';

for (const target of engines) {
  describe.skipIf(target.skip)(`correcting a report (Art. 16) ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    let registrar: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      reporter = await signedInCookie(t, { roles: ['reporter'] });
      registrar = await signedInCookie(t, { roles: ['reporter', 'registrar'] });
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      callAs(t, registrar, method, url, payload);

    /** A confirmed report as the registrar reads it. */
    const confirmedReport = () => confirmedBy(t, { reporter, registrarA: registrar }, REPORT);

    const correctionEvents = async (id: string) =>
      t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'incident.corrected'), eq(auditEvents.subjectId, id)));

    it('a registrar corrects time, place and categories; the history keeps old and new, the audit only the field names', async () => {
      const incident = await confirmedReport();
      const place = {
        address: { street: 'Marktplatz', houseNumber: '1', postalCode: '50667', city: 'Köln' },
        description: 'Bürgerbüro Süd, Schalter 3',
      };
      const corrected = await call('POST', `/api/v1/incidents/${incident.id}/corrections`, {
        reason: REASON,
        expectedVersion: incident.version,
        changes: {
          occurredAt: '2025-11-30T16:45:00+01:00',
          place,
          categories: ['threat', 'coercion'],
          persons: [{ id: incident.persons[0].id, dateOfBirth: '1975-04-21' }],
        },
      });
      expect(corrected.statusCode).toBe(200);
      const body = corrected.json();
      expect(body).toMatchObject({
        occurredAt: '2025-11-30T15:45:00.000Z',
        place: { ...place, position: null },
        categories: ['threat', 'coercion'],
        version: incident.version + 1,
        // Only the date of birth was sent: the names stay as reported.
        persons: [{ familyName: 'Meyer', givenNames: 'Klaus', dateOfBirth: '1975-04-21' }],
      });
      expect(body.corrections).toHaveLength(1);
      expect(body.corrections[0].changes).toEqual({
        occurredAt: { from: '2025-12-01T09:00:00.000Z', to: '2025-11-30T15:45:00.000Z' },
        place: {
          from: { address: null, description: 'Bürgerbüro, Wartebereich', position: null },
          to: { ...place, position: null },
        },
        categories: { from: ['threat'], to: ['threat', 'coercion'] },
        'persons.0': {
          from: expect.objectContaining({ dateOfBirth: '1975-04-12' }),
          to: expect.objectContaining({ familyName: 'Meyer', dateOfBirth: '1975-04-21' }),
        },
      });
      const events = await correctionEvents(incident.id);
      expect(events.map((e) => e.details.fields)).toEqual([
        ['occurredAt', 'place', 'categories', 'persons.0'],
      ]);
      expect(JSON.stringify(events)).not.toContain('Marktplatz');
    });

    it('refuses hostile and impossible input naming the field, and changes nothing', async () => {
      const incident = await confirmedReport();
      const involved = incident.persons[0].id;
      const correct = (body: object) =>
        call('POST', `/api/v1/incidents/${incident.id}/corrections`, {
          reason: REASON,
          expectedVersion: incident.version,
          ...body,
        });
      const cases: [object, string][] = [
        [{ reason: `Grund\u0000 der Berichtigung` }, 'reason'],
        [{ changes: { description: 'x'.repeat(10_001) } }, 'changes.description'],
        [{ changes: { description: 'Drohte\u0000.' } }, 'changes.description'],
        [{ changes: { place: { description: 'Schalter \ud800' } } }, 'changes.place.description'],
        [{ changes: { place: { description: 'x'.repeat(10_000) } } }, 'changes.place.description'],
        [{ changes: { place: {} } }, 'changes.place.description'],
        [
          { changes: { place: { address: { street: 'Markt', postalCode: '5066' } } } },
          'changes.place.address.postalCode',
        ],
        [{ changes: { occurredAt: 'gestern Abend' } }, 'changes.occurredAt'],
        [{ changes: { occurredAt: '2026-02-01T10:00:00+01:00' } }, 'changes.occurredAt'],
        [{ changes: { categories: [] } }, 'changes.categories'],
        [{ changes: { categories: ['threat', 'threat'] } }, 'changes.categories'],
        [{ changes: { categories: ['burglary'] } }, 'changes.categories.0'],
        [{ changes: { level: 4 } }, 'changes.level'],
        [
          { changes: { persons: [{ id: involved, familyName: 'Me\ud800yer' }] } },
          'changes.persons.0.familyName',
        ],
        [
          { changes: { persons: [{ id: involved, familyName: null }] } },
          'changes.persons.0.familyName',
        ],
      ];
      for (const [body, name] of cases) {
        const refused = await correct({ changes: { description: 'Anders.' }, ...body });
        expect(refused.statusCode, name).toBe(400);
        expect(
          refused.json().errors.map((e: { field: string }) => e.field),
          name,
        ).toContain(name);
      }
      // A valid change next to an unknown person: nothing of it is kept.
      const unknownPerson = await correct({
        changes: { description: 'Anders.', persons: [{ id: randomUUID(), familyName: 'X' }] },
      });
      expect(unknownPerson.statusCode).toBe(404);
      expect(unknownPerson.json().errors[0].field).toBe('changes.persons.0.id');

      const read = (await call('GET', `/api/v1/incidents/${incident.id}`)).json();
      expect(read).toMatchObject({
        version: incident.version,
        description: REPORT.description,
        corrections: [],
      });
      expect(await correctionEvents(incident.id)).toEqual([]);
    });

    it('an unknown report is not found, in German and English', async () => {
      const unknown = await call('POST', `/api/v1/incidents/${randomUUID()}/corrections`, {
        reason: REASON,
        expectedVersion: 1,
        changes: { description: 'Anders.' },
      });
      expect(unknown.statusCode).toBe(404);
      const problem = unknown.json();
      expect(problem).toMatchObject({ code: 'resource.not_found', errors: [{ field: 'id' }] });
      expect(problem.detail.de).toMatch(/\S/);
      expect(problem.detail.en).toMatch(/\S/);
      expect(problem.detail.de).not.toBe(problem.detail.en);
    });
  });
}
