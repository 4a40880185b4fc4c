import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';

const REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: { description: 'Bürgerbüro, Schalter 3' },
  categories: ['threat'],
  level: 2,
  criminalComplaint: { status: 'yes', fileNumber: '71 Js 1234/25' },
};

for (const target of engines) {
  describe.skipIf(target.skip)(`the notification letter over HTTP ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    let registrarA: string;
    let registrarB: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      reporter = (await signIn(t.app, await createTestUser(t, { roles: ['reporter'] }))).cookie;
      const roles = ['reporter', 'registrar'] as const;
      registrarA = (await signIn(t.app, await createTestUser(t, { roles: [...roles] }))).cookie;
      registrarB = (await signIn(t.app, await createTestUser(t, { roles: [...roles] }))).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

    /** An active listing of a person with this name, reported, confirmed, proposed, activated. */
    async function activeListingOf(familyName: string, givenNames: string) {
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { cookie: reporter, 'idempotency-key': randomUUID() },
        payload: { ...REPORT, persons: [{ familyName, givenNames }] },
      });
      expect(submitted.statusCode).toBe(201);
      const { id } = submitted.json();
      await call(registrarA, 'POST', `/api/v1/incidents/${id}/decision`, { decision: 'confirm' });
      const incident = (await call(registrarA, 'GET', `/api/v1/incidents/${id}`)).json();
      const person = await call(
        registrarA,
        'POST',
        `/api/v1/incidents/${id}/persons/${incident.persons[0].id}/link`,
        {
          create: {
            familyName,
            givenNames,
            address: { street: 'Hauptstraße', houseNumber: '1', postalCode: '12345', city: 'X' },
          },
        },
      );
      expect(person.statusCode).toBe(200);
      const proposed = await call(registrarA, 'POST', '/api/v1/listings', {
        personId: person.json().id,
        incidentIds: [id],
        reason: 'Bedrohung am Schalter',
      });
      expect(proposed.statusCode).toBe(201);
      const listingId: string = proposed.json().id;
      const activated = await call(
        registrarB,
        'POST',
        `/api/v1/listings/${listingId}/activate`,
        {},
      );
      expect(activated.statusCode).toBe(200);
      return listingId;
    }

    const auditedActions = async (listingId: string) =>
      (
        await t.database.db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(and(eq(auditEvents.subjectId, listingId)))
      ).map((e) => e.action);

    it('prints names in Chinese, Arabic and with U+0336 in salutation and address', async () => {
      for (const [familyName, givenNames] of [
        ['王', '小明'],
        ['علي', 'محمد'],
        ['S\u0336mith', 'Ahmad'],
      ] as const) {
        const id = await activeListingOf(familyName, givenNames);
        const letter = await call(registrarB, 'GET', `/api/v1/listings/${id}/letter`);
        expect(letter.statusCode).toBe(200);
        const { text } = await pdfText(new Uint8Array(letter.rawPayload));
        expect(text).toContain(`Guten Tag ${givenNames} ${familyName},`);
        expect(text).toContain(`${givenNames} ${familyName} Hauptstraße 1 12345 X`);
        expect(await auditedActions(id)).toContain('listing.letter');
      }
    });

    it('refuses a letter it cannot print with 422 naming field and characters; nothing is produced or sent', async () => {
      const id = await activeListingOf('김', 'Ji-ho 😀');
      const letter = await call(registrarB, 'GET', `/api/v1/listings/${id}/letter`);
      expect(letter.statusCode).toBe(422);
      expect(letter.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = letter.json();
      expect(problem).toMatchObject({
        code: 'listing.letter_unprintable',
        detail: { de: expect.stringContaining('nicht erstellt'), en: expect.any(String) },
      });
      expect(problem.errors).toEqual([
        {
          field: 'person.familyName',
          code: 'listing.letter_unprintable',
          message: {
            de: 'Familienname: Diese Zeichen kann der Brief nicht drucken: „김“ (U+AE40).',
            en: 'Family name: the letter cannot print these characters: “김” (U+AE40).',
          },
        },
        {
          field: 'person.givenNames',
          code: 'listing.letter_unprintable',
          message: {
            de: 'Vornamen: Diese Zeichen kann der Brief nicht drucken: „😀“ (U+1F600).',
            en: 'Given names: the letter cannot print these characters: “😀” (U+1F600).',
          },
        },
      ]);
      const actions = await auditedActions(id);
      expect(actions).toContain('listing.letter_refused');
      expect(actions).not.toContain('listing.letter');
      const listing = (await call(registrarB, 'GET', `/api/v1/listings/${id}`)).json();
      expect(listing.notification).toMatchObject({ state: 'pending', sentOn: null });
    });
  });
}
