import { randomUUID } from 'node:crypto';
import { IncidentReportInput } from '@zemag/contracts';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../apps/api/src/modules/identity/identity.repository.ts';
import { listingIncidents, listings } from '../apps/api/src/modules/listings/listings.table.ts';
import { lookupBudgets } from '../apps/api/src/modules/lookup-limits/lookup-limits.table.ts';
import {
  createFixtureRegistrar,
  loadFixturePersons,
} from '../apps/api/src/modules/lookup/lookup.fixtures.ts';
import { createAccount, signInAs } from './support/accounts';
import {
  CHROMIUM_PATH,
  browserSuiteName,
  hasChromium,
  launchBrowser,
  newContext,
  skipBrowser,
  type ViewportName,
} from './support/browser';
import { checkPage, watchPageErrors } from './support/page-checks';
import { type TestServer, startServer } from './support/server';

const FIELD = {
  displayName: 'Sven Außendienst',
  username: 'sven.aussendienst',
  password: 'ein langer Satz als Passwort',
};
/** A field employee whose look-ups for now are used up. */
const SPENT = {
  displayName: 'Lena Limit',
  username: 'lena.limit',
  password: 'ein dritter langer Satz als Passwort',
};
const REGISTRAR = {
  displayName: 'Rita Register',
  username: 'rita.register',
  password: 'noch ein langer Satz als Passwort',
};

/** The purpose, then the person; sends the look-up and waits for its answer. */
async function lookUp(
  page: Page,
  person: { familyName?: string; givenNames?: string; dateOfBirth?: string },
) {
  await page.getByLabel('Aktenzeichen').fill('VZ 2026/0412');
  await page.getByLabel('Grund').selectOption({ label: 'Hausbesuch' });
  await page.getByLabel('Familienname').fill(person.familyName ?? '');
  await page.getByLabel('Vorname').fill(person.givenNames ?? '');
  await page.getByLabel('Geburtsdatum').fill(person.dateOfBirth ?? '');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/lookups'));
  await page.getByRole('button', { name: 'Abfragen' }).click();
  await answered;
}

/** A confirmed report the listing rests on; returns its reference. */
async function incidentFor(server: TestServer, personId: string): Promise<string> {
  const db = server.database.db;
  const { user } = await findUserByUsername({ db, username: REGISTRAR.username });
  const { receipt } = await server.services.incidents.submit({
    actor: { id: user!.id, abilities: ['incident.report', 'incident.read_own'] },
    key: randomUUID(),
    report: IncidentReportInput.parse({
      occurredAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      place: { description: 'Bürgerbüro Nord' },
      categories: ['weapon_or_tool'],
      level: 3,
    }),
  });
  const [listing] = await db.select().from(listings).where(eq(listings.personId, personId));
  await db.insert(listingIncidents).values({ listingId: listing!.id, incidentId: receipt.id });
  return receipt.reference;
}

describe.skipIf(skipBrowser)(browserSuiteName('look-up in the browser'), () => {
  let browser: Browser;
  let server: TestServer;
  let reference: string;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    server = await startServer();
    const db = server.database.db;
    await createAccount(server, { ...FIELD, roles: ['reporter', 'field'] });
    await createAccount(server, { ...REGISTRAR, roles: ['reporter', 'registrar'] });
    await createAccount(server, { ...SPENT, roles: ['reporter', 'field'] });
    const { userId } = await createFixtureRegistrar({ db });
    const [meyer] = await loadFixturePersons({
      db,
      registrarId: userId,
      people: [
        {
          familyName: 'Meyer',
          givenNames: 'Hans Peter',
          dateOfBirth: '1975-03-12',
          names: [{ kind: 'alias', familyName: 'Meier', givenNames: 'Hans' }],
          addresses: [
            { street: 'Kölner Straße', houseNumber: '12a', postalCode: '50667', city: 'Köln' },
          ],
          listing: {
            status: 'active',
            level: 3,
            categories: ['weapon_or_tool', 'threat'],
            precautions: ['pairs_only', 'police_escort'],
            precautionsText: 'Hund im Hof',
            validUntil: '2030-06-30',
          },
        },
        { familyName: 'Becker', givenNames: 'Tom', listing: { status: 'proposed' } },
      ],
    });
    reference = await incidentFor(server, meyer!);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a phone field staff find a listed person by a variant spelling, with the level in words and what to do, and never the incidents', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await signInAs(page, server, FIELD);
      await page.getByRole('link', { name: 'Person oder Adresse abfragen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Person oder Adresse abfragen' }).waitFor();
      await page.getByRole('option', { name: 'Hausbesuch' }).waitFor({ state: 'attached' });
      await checkPage(page, 'phone-lookup-empty');

      // Nothing filled in: the purpose and a name or street are named at their fields.
      await page.getByRole('button', { name: 'Abfragen' }).click();
      await page.getByText('Bitte prüfen Sie Ihre Angaben').waitFor();
      await page
        .locator('#lookup-fileNumber-error')
        .getByText('Bitte geben Sie das Aktenzeichen an, für das Sie abfragen.')
        .waitFor();
      await page
        .locator('#lookup-familyName-error')
        .getByText('Bitte geben Sie einen Familiennamen oder eine Straße an.')
        .waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup-fileNumber');
      await page.getByLabel('Geburtsdatum').fill('31.04.1980');
      await page.getByRole('button', { name: 'Abfragen' }).click();
      await page
        .locator('#lookup-dateOfBirth-error')
        .getByText('Dieses Datum gibt es nicht. Bitte prüfen Sie Tag und Monat.')
        .waitFor();
      await checkPage(page, 'phone-lookup-errors');

      // The server's refusal (a name without letters) is shown at the field too.
      await lookUp(page, { familyName: '?!' });
      await page
        .locator('#lookup-familyName-error')
        .getByText('Bitte geben Sie einen Nachnamen mit Buchstaben oder eine Straße an.')
        .waitFor();

      // Maier for Meyer, a German date of birth.
      await lookUp(page, { familyName: 'Maier', givenNames: 'Hans', dateOfBirth: '12.3.1975' });
      const hit = page.getByTestId('hit');
      await hit.waitFor();
      expect(await hit.count()).toBe(1);
      const card = await hit.innerText();
      expect(card).toContain('Stufe 3 – Waffen oder Werkzeuge');
      expect(card).toContain('Meyer, Hans Peter');
      expect(card).toMatch(/Übereinstimmung: (sicher|wahrscheinlich|möglich)/);
      expect(card).toContain('12.03.1975');
      expect(card).toContain('Einsatz von Werkzeugen oder Waffen, Bedrohung');
      expect(card).toContain('Nur zu zweit');
      expect(card).toContain('Hund im Hof');
      expect(card).toContain('30.06.2030');
      expect(card).toContain('ZeMAG-Stelle (Kriminalprävention)');
      expect(card).toContain('0221 123-4567');
      // Whom to call: the department's number as a link that dials it.
      expect(
        await hit
          .getByRole('link', { name: 'ZeMAG-Stelle (Kriminalprävention) anrufen: 0221 123-4567' })
          .getAttribute('href'),
      ).toBe('tel:02211234567');
      // Field staff see no incidents, ids, score or other names.
      expect(card).not.toContain(reference);
      expect(card).not.toContain('Vorfälle');
      expect(card).not.toContain('Punktwert');
      expect(card).not.toContain('Meier');
      expect(await page.getByTestId('hit-incidents').count()).toBe(0);
      await page
        .getByText('Treffer prüfen: Name und Geburtsdatum vor Ort abgleichen.', { exact: false })
        .waitFor();
      // The level is said in words and shown by colour.
      const colour = await hit
        .locator('.zm-hit__level')
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(colour).not.toBe('rgba(0, 0, 0, 0)');
      await checkPage(page, 'phone-lookup-hit');

      // Nothing of the query or answer in the address bar or the browser's storage.
      expect(page.url()).toBe(`${server.origin}/lookup`);
      const kept = await page.evaluate(async () => ({
        storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
        // The visit list's store may exist (its expiry check opens it) but holds nothing.
        visits: await new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('zemag-visits');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('visits')) return resolve(0);
            const count = db.transaction('visits').objectStore('visits').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
        caches: await Promise.all(
          (await caches.keys()).map(async (name) =>
            (await (await caches.open(name)).keys()).map((r) => r.url),
          ),
        ),
      }));
      expect(kept.storage).not.toContain('Meyer');
      expect(kept.visits).toBe(0);
      expect(JSON.stringify(kept.caches)).not.toContain('/api/');

      // A miss always says that no entry does not mean no risk; a proposed listing is not shown.
      await page.getByRole('button', { name: 'Neue Abfrage (Zweck bleibt)' }).click();
      expect(await page.getByLabel('Aktenzeichen').inputValue()).toBe('VZ 2026/0412');
      await lookUp(page, { familyName: 'Becker', givenNames: 'Tom' });
      await page
        .getByText('Kein Eintrag gefunden — das bedeutet nicht, dass kein Risiko besteht.')
        .waitFor();
      expect(await page.getByTestId('hit').count()).toBe(0);
      await checkPage(page, 'phone-lookup-miss');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone field staff who used up their look-ups read in German when the next one is possible, and nothing reads as "no entry"', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      // The budget spent a moment ago (as after two full visit lists): the next look-up comes
      // back in two minutes with the default of 30 an hour.
      const { user } = await findUserByUsername({
        db: server.database.db,
        username: SPENT.username,
      });
      await server.database.db
        .insert(lookupBudgets)
        .values({ userId: user!.id, tokens: 0, countedAt: new Date(), refusedSince: null });

      await signInAs(page, server, SPENT);
      await page.getByRole('link', { name: 'Person oder Adresse abfragen' }).click();
      await page.getByRole('option', { name: 'Hausbesuch' }).waitFor({ state: 'attached' });
      await lookUp(page, { familyName: 'Meyer', givenNames: 'Hans' });
      const alert = page.getByRole('alert').filter({ hasText: 'Zu viele Abfragen' });
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(
        /Zu viele Abfragen in kurzer Zeit\. Die nächste Abfrage ist in 2 Minuten \(um \d\d:\d\d Uhr\) möglich\. Bis dahin ist offen, ob ein Eintrag besteht/,
      );
      // No answer is shown, so nothing can be mistaken for "no entry found".
      expect(await page.getByTestId('hit').count()).toBe(0);
      expect(await page.getByText('Kein Eintrag gefunden').count()).toBe(0);
      await checkPage(page, 'phone-lookup-rate-limited');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each<ViewportName>(['desktop', 'phone'])(
    'on a %s a registrar also sees score, other names, the listing status and the incidents, linked to their review',
    async (viewport) => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, REGISTRAR);
        await page.getByRole('link', { name: 'Person oder Adresse abfragen' }).click();
        await page.getByRole('option', { name: 'Hausbesuch' }).waitFor({ state: 'attached' });
        await lookUp(page, { familyName: 'Becker', givenNames: 'Tom' });
        const proposed = page.getByTestId('hit');
        await proposed.getByText('Vorgeschlagen – noch nicht aktiv').waitFor();

        await lookUp(page, { familyName: 'Meyer', givenNames: 'Hans', dateOfBirth: '1975' });
        const hit = page.getByTestId('hit').filter({ hasText: 'Meyer, Hans Peter' });
        await hit.waitFor();
        const card = await hit.innerText();
        expect(card).toContain('Punktwert');
        expect(card).toContain('Meier, Hans');
        expect(card).toContain('Aktiv');
        expect(card).toContain('Stufe 3 – Waffen oder Werkzeuge');
        await checkPage(page, `${viewport}-lookup-registrar`);
        if (viewport === 'desktop') {
          // Form and answer side by side on a desk.
          const form = await page.locator('.zm-lookup-form').boundingBox();
          const answer = await page.locator('.zm-lookup__answer').boundingBox();
          expect(answer!.x).toBeGreaterThan(form!.x + form!.width - 1);
        }
        await hit.getByTestId('hit-incidents').getByRole('link', { name: reference }).click();
        await page.getByRole('heading', { level: 1, name: `Meldung ${reference}` }).waitFor();
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
