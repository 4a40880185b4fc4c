import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFixtureRegistrar,
  loadFixturePersons,
} from '../apps/api/src/modules/lookup/lookup.fixtures.ts';
import { type Credentials, createAccount, signInAs } from './support/accounts';
import {
  CHROMIUM_PATH,
  browserSuiteName,
  hasChromium,
  launchBrowser,
  newContext,
  skipBrowser,
} from './support/browser';
import { checkPage, watchPageErrors } from './support/page-checks';
import { type TestServer, startServer } from './support/server';

/** The journeys check many pages with axe; that takes its time on a busy machine. */
const JOURNEY_TIMEOUT = 240_000;
const FIELD = {
  displayName: 'Sven Außendienst',
  username: 'sven.aussendienst',
  password: 'ein langer Satz als Passwort',
};
const REGISTRAR = {
  displayName: 'Rita Register',
  username: 'rita.register',
  password: 'noch ein langer Satz als Passwort',
};

/** Three visits: a listed man by a variant spelling, a miss, a line without a name. */
const LIST = [
  'Maier, Hans, 12.03.1975',
  'Schulz, Eva, Bahnhofstr. 7, 12345 Musterstadt',
  '12.03.1975',
].join('\n');

/**
 * What the device keeps of the visit list, raw: the clear part of each record, the bytes of
 * the ciphertext as text, the key's properties, and (opened with the key, as the app would)
 * the sealed list.
 */
function keptOnDevice(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('zemag-visits');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('visits')) {
      db.close();
      return { records: [], raw: '', key: null, opened: null };
    }
    const get = <T>(key: string) =>
      new Promise<T | undefined>((resolve, reject) => {
        const req = db.transaction('visits').objectStore('visits').get(key);
        req.onsuccess = () => resolve(req.result as T | undefined);
        req.onerror = () => reject(req.error);
      });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const req = db.transaction('visits').objectStore('visits').getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    type Rec = {
      ownerId: string;
      keepUntil: string;
      sealed: { iv: Uint8Array; ciphertext: ArrayBuffer };
    };
    const record = await get<Rec>('list');
    const cryptoKey = await get<CryptoKey>('key');
    db.close();
    let opened: string | null = null;
    if (record && cryptoKey) {
      const plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: record.sealed.iv as Uint8Array<ArrayBuffer>,
          additionalData: new TextEncoder().encode(`visit-list:${record.ownerId}`),
        },
        cryptoKey,
        record.sealed.ciphertext,
      );
      opened = new TextDecoder().decode(plain);
    }
    let exported = 'refused';
    if (cryptoKey) {
      try {
        await crypto.subtle.exportKey('raw', cryptoKey);
        exported = 'allowed';
      } catch {
        exported = 'refused';
      }
    }
    return {
      records: keys.map(String),
      raw: record
        ? JSON.stringify({ ...record, sealed: null }) +
          new TextDecoder('latin1').decode(record.sealed.ciphertext)
        : '',
      key: cryptoKey ? { extractable: cryptoKey.extractable, exported } : null,
      opened,
    };
  });
}

const KEEP = 'Bis Schichtende auf diesem Gerät behalten';

/** The purpose and the text, kept on the device (ticked); sends the list and waits for its answer. */
async function checkList(page: Page, text: string) {
  await page.getByLabel('Aktenzeichen').fill('VZ 2026/0412');
  await page.getByLabel('Grund').selectOption({ label: 'Vollstreckung' });
  await page.getByLabel('Termine', { exact: true }).fill(text);
  await page.getByLabel(KEEP).check();
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/visit-lists'));
  await page.getByRole('button', { name: 'Liste prüfen' }).click();
  return answered;
}

/** Signs in and lets the service worker take over, so the shell also loads offline. */
async function signInWithShell(page: Page, server: TestServer, who: Credentials) {
  await signInAs(page, server, who);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: `Guten Tag, ${who.displayName}` }).waitFor();
}

describe.skipIf(skipBrowser)(browserSuiteName('visit lists in the browser'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    server = await startServer();
    const db = server.database.db;
    await createAccount(server, { ...FIELD, roles: ['reporter', 'field'] });
    await createAccount(server, { ...REGISTRAR, roles: ['reporter', 'registrar'] });
    const { userId } = await createFixtureRegistrar({ db });
    await loadFixturePersons({
      db,
      registrarId: userId,
      people: [
        {
          familyName: 'Meyer',
          givenNames: 'Hans Peter',
          dateOfBirth: '1975-03-12',
          names: [{ kind: 'alias', familyName: 'Meier' }],
          listing: {
            status: 'active',
            level: 3,
            categories: ['weapon_or_tool'],
            precautions: ['pairs_only'],
            precautionsText: 'Hund im Hof',
            validUntil: '2030-06-30',
          },
        },
      ],
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'on a phone field staff check the day’s visits, keep them encrypted for the shift, see them offline, and lose them at sign-out',
    async () => {
      const context: BrowserContext = await newContext(browser, 'phone');
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInWithShell(page, server, FIELD);
        await page.getByRole('link', { name: 'Besuchsliste prüfen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Besuchsliste' }).waitFor();
        await page.getByRole('option', { name: 'Vollstreckung' }).waitFor({ state: 'attached' });
        await page.getByText('Noch keine Liste geprüft.').waitFor();
        await checkPage(page, 'phone-visits-empty');
        // Nothing is kept on the phone unless asked.
        expect(await page.getByLabel(KEEP).isChecked()).toBe(false);

        // Nothing given: the purpose and the text are named at their fields.
        await page.getByRole('button', { name: 'Liste prüfen' }).click();
        await page
          .locator('#visits-text-error')
          .getByText('Bitte fügen Sie die Termine ein oder wählen Sie eine Datei.')
          .waitFor();
        await page
          .locator('#visits-reason-error')
          .getByText('Bitte wählen Sie den Grund der Abfrage.')
          .waitFor();

        // More than 100 entries: the server refuses, and says so at the text.
        const tooMany = Array.from({ length: 101 }, (_, i) => `Person${i}, Eva`).join('\n');
        expect((await checkList(page, tooMany)).status()).toBe(400);
        await page
          .locator('#visits-text-error')
          .getByText(
            'Eine Besuchsliste hat höchstens 100 Einträge. Bitte teilen Sie die Liste auf.',
          )
          .waitFor();

        // A CSV file is read in the browser into the text field.
        await page.locator('#visits-file').setInputFiles({
          name: 'termine.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('Nachname;Vorname\nMaier;Hans\n', 'utf-8'),
        });
        await page.getByText('termine.csv gelesen: 2 Zeilen.').waitFor();
        expect(await page.getByLabel('Termine', { exact: true }).inputValue()).toBe(
          'Nachname;Vorname\nMaier;Hans\n',
        );

        // The list, hits first: an overview linking to the lines with an entry, then one
        // answer card per line (hits, not looked up, no entry).
        expect((await checkList(page, LIST)).status()).toBe(200);
        const lines = page.getByTestId('visit-line');
        await lines.first().waitFor();
        expect(await lines.count()).toBe(3);
        const overview = await page.getByTestId('visit-overview').innerText();
        expect(overview).toContain('Zeile 1: Meyer, Hans Peter');
        expect(overview).toContain('Stufe 3 – Waffen oder Werkzeuge');
        await page.getByRole('link', { name: 'Zeile 1: Meyer, Hans Peter' }).click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('visit-line-1');
        const [hit, unread, miss] = await Promise.all(
          [0, 1, 2].map((i) => lines.nth(i).innerText()),
        );
        expect(hit).toContain('Zeile 1');
        expect(hit).toContain('Maier, Hans, 12.03.1975');
        expect(hit).toContain('Gelesen als: Maier, Hans · 12.03.1975');
        expect(hit).toContain('Stufe 3 – Waffen oder Werkzeuge');
        expect(hit).toContain('Meyer, Hans Peter');
        expect(hit).toContain('Hund im Hof');
        expect(miss).toContain('Gelesen als: Schulz, Eva · Bahnhofstr. 7, 12345 Musterstadt');
        expect(miss).toContain(
          'Kein Eintrag gefunden — das bedeutet nicht, dass kein Risiko besteht.',
        );
        expect(unread).toContain('Diese Zeile wurde nicht abgefragt');
        expect(await page.getByTestId('visit-summary').innerText()).toBe(
          '3 Zeilen · 1 mit Treffer · 1 nicht abgefragt',
        );
        const meta = await page.getByTestId('visit-meta').innerText();
        expect(meta).toMatch(/Stand: .+, gespeichert bis .+/);
        await checkPage(page, 'phone-visits-list');

        // On the device: one sealed record, no name in the clear; the key cannot be exported.
        const kept = await keptOnDevice(page);
        expect(kept.records.sort()).toEqual(['key', 'list']);
        for (const plain of ['Meyer', 'Maier', 'Schulz', 'Hund', 'VZ 2026']) {
          expect(kept.raw).not.toContain(plain);
        }
        expect(kept.key).toEqual({ extractable: false, exported: 'refused' });
        expect(kept.opened).toContain('Meyer');
        // Nothing in Web Storage or the address bar.
        const storage = await page.evaluate(() =>
          JSON.stringify({ ...localStorage, ...sessionStorage }),
        );
        expect(storage).not.toContain('Meyer');
        expect(page.url()).toBe(`${server.origin}/visits`);

        // Offline, reloaded: the shell comes from the service worker, the list from the device.
        await context.setOffline(true);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Besuchsliste' }).waitFor();
        await page.getByText('Keine Verbindung', { exact: true }).waitFor();
        await lines.first().waitFor();
        expect(await lines.count()).toBe(3);
        expect(await lines.first().innerText()).toContain('Stufe 3 – Waffen oder Werkzeuge');
        expect(await page.getByTestId('visit-meta').innerText()).toMatch(
          /Stand: .+, gespeichert bis .+/,
        );
        expect(await page.getByRole('button', { name: 'Liste prüfen' }).count()).toBe(0);
        await checkPage(page, 'phone-visits-offline');
        // Started offline at home: the error view leads to the kept list.
        await page.goto(`${server.origin}/`);
        await page.getByText('Der Server ist nicht erreichbar.').waitFor();
        await page.getByRole('link', { name: /^Gespeicherte Besuchsliste ansehen \(bis / }).click();
        await page.getByRole('heading', { level: 1, name: 'Besuchsliste' }).waitFor();
        await lines.first().waitFor();

        // Back online: the kept list is there; one button deletes it at once.
        await context.setOffline(false);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Besuchsliste' }).waitFor();
        await lines.first().waitFor();
        await page.getByRole('button', { name: 'Jetzt vom Gerät löschen' }).click();
        await page.getByText('Noch keine Liste geprüft.').waitFor();
        expect((await keptOnDevice(page)).records).toEqual([]);

        // Kept again, then signing out deletes it.
        await page.getByRole('option', { name: 'Vollstreckung' }).waitFor({ state: 'attached' });
        await checkList(page, LIST);
        await lines.first().waitFor();
        expect((await keptOnDevice(page)).records.sort()).toEqual(['key', 'list']);
        await page.getByRole('button', { name: 'Abmelden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        expect((await keptOnDevice(page)).records).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a kept list is deleted at the end of the shift by the timer, with the page open',
    async () => {
      const context = await newContext(browser, 'phone');
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      // The page's clock: time runs as usual until it is moved on past the shift.
      await page.clock.install({ time: new Date() });
      try {
        await signInAs(page, server, FIELD);
        await page.getByRole('link', { name: 'Besuchsliste prüfen' }).click();
        await page.getByRole('option', { name: 'Vollstreckung' }).waitFor({ state: 'attached' });
        await checkList(page, LIST);
        await page.getByTestId('visit-line').first().waitFor();
        expect((await keptOnDevice(page)).records.sort()).toEqual(['key', 'list']);
        // keepUntil is ten hours after the check (ZEMAG_VISIT_LIST_HOURS).
        await page.clock.fastForward('09:59:00');
        expect((await keptOnDevice(page)).records.sort()).toEqual(['key', 'list']);
        await page.clock.fastForward('02:00');
        await page.getByText('Noch keine Liste geprüft.').waitFor();
        await expect.poll(async () => (await keptOnDevice(page)).records).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'on a desk a registrar checks a list with the full answer, and the device keeps only what field staff see',
    async () => {
      const context = await newContext(browser, 'desktop');
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, REGISTRAR);
        await page.getByRole('link', { name: 'Besuchsliste prüfen' }).click();
        await page.getByRole('option', { name: 'Vollstreckung' }).waitFor({ state: 'attached' });
        await checkList(page, LIST);
        const first = page.getByTestId('visit-line').first();
        await first.getByText('Punktwert').waitFor();
        await checkPage(page, 'desktop-visits-registrar');
        const kept = await keptOnDevice(page);
        expect(kept.opened).toContain('Meyer');
        for (const registrarOnly of ['personId', 'score', 'aliases', 'listing', 'Meier']) {
          expect(kept.opened).not.toContain(registrarOnly);
        }
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
