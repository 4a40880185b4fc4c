import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import { pdfText } from '../../test-support/pdf-text.js';
import {
  type Cast,
  call as callOn,
  listedAtCounter,
  signInCast,
} from '../../test-support/register.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';

for (const target of engines) {
  describe.skipIf(target.skip)(`the notification letter over HTTP ${engineTitle(target)}`, () => {
    let t: TestApp;
    let cast: Cast;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      cast = await signInCast(t);
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      callOn(t, cookie, method, url, payload);

    /** An active listing of a person with this name, reported, confirmed, proposed, activated. */
    const activeListingOf = async (familyName: string, givenNames: string) =>
      (await listedAtCounter(t, cast, { familyName, givenNames })).listingId;

    const auditedActions = async (listingId: string) =>
      (
        await t.database.db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(and(eq(auditEvents.subjectId, listingId)))
          .orderBy(auditEvents.seq)
      ).map((e) => e.action);

    it('prints names in Chinese, Arabic and with U+0336 in salutation and address', async () => {
      for (const [familyName, givenNames] of [
        ['王', '小明'],
        ['علي', 'محمد'],
        ['S\u0336mith', 'Ahmad'],
      ] as const) {
        const id = await activeListingOf(familyName, givenNames);
        const letter = await call(cast.registrarB, 'GET', `/api/v1/listings/${id}/letter`);
        expect(letter.statusCode).toBe(200);
        const { text } = await pdfText(new Uint8Array(letter.rawPayload));
        expect(text).toContain(`Guten Tag ${givenNames} ${familyName},`);
        expect(text).toContain(`${givenNames} ${familyName} Hauptstraße 1 12345 X`);
        expect(await auditedActions(id)).toContain('listing.letter');
      }
    });

    it('refuses a letter it cannot print with 422 naming field and characters; nothing is produced or sent', async () => {
      const id = await activeListingOf('김', 'Ji-ho 😀');
      const letter = await call(cast.registrarB, 'GET', `/api/v1/listings/${id}/letter`);
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
      const listing = (await call(cast.registrarB, 'GET', `/api/v1/listings/${id}`)).json();
      expect(listing.notification).toMatchObject({ state: 'pending', sentOn: null });
    });
  });
}
