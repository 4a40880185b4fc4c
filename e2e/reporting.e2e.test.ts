import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../apps/api/src/db/database.ts';
import { createAccount, signInAs, type Credentials } from './support/accounts';
import { denyBackgroundSync } from './support/background-sync';
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
import { snap } from './support/screenshot';
import { startServer, type TestServer } from './support/server';

const PASSWORD = 'ein langer Satz als Passwort';
/** The journeys check many pages with axe; that takes its time on a busy machine. */
const JOURNEY_TIMEOUT = 240_000;
const reporter = (username: string, displayName: string): Credentials => ({
  username,
  displayName,
  password: PASSWORD,
});

/** Stored reports of one reporter, straight from the database. */
async function storedReports(server: TestServer, username: string): Promise<number> {
  const result = await server.database.db.execute(
    sql`SELECT count(*)::int AS n FROM incidents i JOIN users u ON u.id = i.reporter_id
        WHERE u.username = ${username}`,
  );
  return rowsOf<{ n: number }>(result)[0]!.n;
}

/** What the outbox holds in the browser's IndexedDB (read as a script on the page could). */
function outboxContents(page: Page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('zemag-outbox')) {
      return { exists: false, entries: [], keys: [], owner: null };
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('zemag-outbox');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const entries = await all<{ id: string; sealed: { ciphertext: ArrayBuffer } }>('entries');
    const get = <T>(store: string, key: string) =>
      new Promise<T | undefined>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).get(key);
        req.onsuccess = () => resolve(req.result as T | undefined);
        req.onerror = () => reject(req.error);
      });
    const key = await get<CryptoKey>('keys', 'outbox');
    const keys = key ? [key] : [];
    const owner = await get<unknown>('keys', 'owner');
    db.close();
    let exported = 'refused';
    if (keys[0]) {
      try {
        await crypto.subtle.exportKey('raw', keys[0]);
        exported = 'exported';
      } catch {
        exported = 'refused';
      }
    }
    return {
      exists: true,
      entries: entries.map((e) => ({
        id: e.id,
        // Latin-1 view of the stored bytes: plain text would show up here.
        bytes: Array.from(new Uint8Array(e.sealed.ciphertext), (b) => String.fromCharCode(b)).join(
          '',
        ),
        json: JSON.stringify(e),
      })),
      keys: keys.map((k) => ({ extractable: k.extractable, type: k.type, exported })),
      /** Whose outbox it is, sealed like the reports. */
      owner: owner === undefined ? null : JSON.stringify(owner),
    };
  });
}

/** The local `YYYY-MM-DDTHH:mm` of a datetime-local input, `hours` ago (real clock). */
function localInput(hoursAgo: number): string {
  const date = new Date(Date.now() - hoursAgo * 3_600_000);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

describe.skipIf(skipBrowser)(browserSuiteName('reporting an incident in the browser'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'on a phone, quick reports made offline (also after an offline start) are kept encrypted and arrive exactly once when the connection is back',
    async () => {
      const erika = reporter('erika.mustermann', 'Erika Mustermann');
      await createAccount(server, { ...erika, roles: ['reporter'] });
      const context = await newContext(browser, 'phone');
      const page = await context.newPage();
      // The page's own sending is checked here (as in Safari and Firefox).
      await denyBackgroundSync(context, page, server.origin);
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, erika);
        // The service worker takes over the page, so the shell also loads without a network.
        await page.evaluate(() => navigator.serviceWorker.ready);
        await page.reload();
        await page
          .getByRole('heading', { level: 1, name: `Guten Tag, ${erika.displayName}` })
          .waitFor();
        await page.evaluate(() => navigator.serviceWorker.ready);
        await checkPage(page, 'phone-report-home');

        await context.setOffline(true);
        await page.getByRole('link', { name: 'Vorfall melden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Vorfall melden' }).waitFor();
        // Time is now; nothing else is filled in; sending the empty form names what is missing.
        expect(await page.getByLabel('Zeitpunkt').inputValue()).toMatch(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d$/,
        );
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page
          .getByText('Bitte wählen Sie mindestens eine Art des Vorfalls.')
          .first()
          .waitFor();
        await page
          .getByText(
            'Bitte geben Sie den Ort an: Ihren Standort, eine Adresse oder eine kurze Beschreibung.',
          )
          .first()
          .waitFor();
        await checkPage(page, 'phone-report-empty-errors');

        await page.getByRole('checkbox', { name: 'Bedrohung' }).click();
        await page.getByRole('checkbox', { name: 'Nötigung' }).click();
        // The level follows the categories: level 2 is proposed and chosen.
        expect(await page.getByRole('radio', { name: /^Stufe 2/ }).isChecked()).toBe(true);
        await page.getByRole('checkbox', { name: 'Einsatz von Werkzeugen oder Waffen' }).click();
        expect(await page.getByRole('radio', { name: /^Stufe 3/ }).isChecked()).toBe(true);
        await page.getByRole('checkbox', { name: 'Einsatz von Werkzeugen oder Waffen' }).click();
        await page.getByLabel('Ort in Worten').fill('Bürgerbüro Nord, Schalter 3');
        await checkPage(page, 'phone-report-quick');
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Meldung gespeichert' }).waitFor();
        await page
          .getByText('Gespeichert auf diesem Gerät – wird gesendet, sobald eine Verbindung besteht')
          .waitFor();
        await page.getByText('1 Meldung ist noch nicht gesendet.').waitFor();
        await checkPage(page, 'phone-report-saved');

        // On the device: one entry, encrypted; the key is a CryptoKey that cannot be exported.
        const kept = await outboxContents(page);
        expect(kept.entries).toHaveLength(1);
        expect(kept.entries[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(kept.entries[0]!.bytes).not.toContain('rgerb');
        expect(kept.entries[0]!.json).not.toContain('Schalter');
        expect(kept.owner).not.toBeNull();
        expect(kept.owner).not.toContain('Erika');
        expect(kept.keys).toEqual([{ extractable: false, type: 'secret', exported: 'refused' }]);
        // Nothing of the report in Web Storage or the address bar.
        const storage = await page.evaluate(() =>
          JSON.stringify({ ...localStorage, ...sessionStorage }),
        );
        expect(storage).not.toContain('Schalter');
        expect(page.url()).toBe(`${server.origin}/reports/new`);

        // Reloaded without a network: the shell comes from the service worker and says the
        // report is still waiting on the device.
        await page.reload();
        await page.getByText('Der Server ist nicht erreichbar.').waitFor();
        await page
          .getByTestId('offline-outbox-count')
          .getByText('1 Meldung ist noch nicht gesendet.')
          .waitFor();
        await checkPage(page, 'phone-report-offline-reload');
        // Even so, the last user of this device can report: it is kept with the first.
        await page.getByRole('button', { name: 'Vorfall melden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Vorfall melden' }).waitFor();
        await page.getByRole('checkbox', { name: 'Beleidigung' }).click();
        await page.getByLabel('Ort in Worten').fill('Bürgerbüro Nord, Wartebereich');
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page.getByText('2 Meldungen sind noch nicht gesendet.').waitFor();
        // One way to try again on this page, not two.
        expect(
          await page.getByRole('button', { name: /^(Erneut versuchen|Jetzt senden)$/ }).count(),
        ).toBe(1);
        await checkPage(page, 'phone-report-offline-saved');
        expect((await outboxContents(page)).entries).toHaveLength(2);
        expect(await storedReports(server, erika.username)).toBe(0);

        // Back online, the first answer gets lost on the way back: the server has stored the
        // report, the phone does not know and keeps it. Every attempt carries the same key.
        const posts: { key: string | undefined; body: string | null }[] = [];
        let loseAnswer = true;
        await page.route('**/api/v1/incidents', async (route) => {
          const request = route.request();
          posts.push({ key: request.headers()['idempotency-key'], body: request.postData() });
          if (loseAnswer) {
            loseAnswer = false;
            await route.fetch();
            await route.abort('connectionreset');
            return;
          }
          await route.continue();
        });
        await context.setOffline(false);
        // The app finds its session again by itself and sends the older report first.
        await page.getByRole('heading', { level: 1, name: 'Vorfall melden' }).waitFor();
        await expect.poll(() => storedReports(server, erika.username), { timeout: 15_000 }).toBe(1);
        await expect.poll(() => posts.length).toBe(1);
        expect((await outboxContents(page)).entries).toHaveLength(2);

        // The next app start sends both: for the first the server answers with the stored
        // receipt. Two reports, each stored exactly once.
        await page.goto(`${server.origin}/`);
        await expect.poll(async () => (await outboxContents(page)).entries.length).toBe(0);
        expect(posts).toHaveLength(3);
        expect(posts[1]).toEqual(posts[0]);
        expect(posts[0]!.key).toBe(kept.entries[0]!.id);
        expect(posts[2]!.key).not.toBe(posts[0]!.key);
        expect(await storedReports(server, erika.username)).toBe(2);
        // The same key with another body is refused (422), and stores nothing.
        const reused = await page.evaluate(
          async ({ key, body }) =>
            (
              await fetch('/api/v1/incidents', {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'idempotency-key': key! },
                body: body!.replace('Schalter 3', 'Schalter 4'),
              })
            ).status,
          posts[0]!,
        );
        expect(reused).toBe(422);
        await page.unroute('**/api/v1/incidents');

        await page.goto(`${server.origin}/reports`);
        await page.getByRole('heading', { level: 1, name: 'Meine Meldungen' }).waitFor();
        const list = page.getByTestId('report-list');
        await list.getByText('Eingegangen').first().waitFor();
        expect(await list.getByRole('listitem').count()).toBe(2);
        expect(await list.textContent()).toContain('Stufe 1 – Verbale Aggression');
        expect(await list.textContent()).toContain('Stufe 2 – Gewalt oder Bedrohung');
        expect(await list.textContent()).toContain('Bedrohung, Nötigung');
        expect(await list.textContent()).toContain('Bürgerbüro Nord, Schalter 3');
        expect(await page.getByTestId('outbox-list').count()).toBe(0);
        await checkPage(page, 'phone-report-mine');
        expect(await storedReports(server, erika.username)).toBe(2);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s, a full report with a person: a field error from the server is shown at its field, corrected, sent; a quick report is completed later',
    async (viewport) => {
      const who = reporter(`max.${viewport}`, `Max Beispiel (${viewport})`);
      await createAccount(server, { ...who, roles: ['reporter'] });
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, who);
        await snap(page, `${viewport}-report-home`);
        // The phone's clock runs a day ahead: the form's "now" is in the server's future.
        await page.clock.setSystemTime(new Date(Date.now() + 24 * 3_600_000));
        await page.getByRole('link', { name: 'Vorfall melden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Vorfall melden' }).waitFor();
        await page.getByRole('checkbox', { name: 'Körperliche Gewalt' }).click();
        if (viewport === 'phone') await page.getByText('Weitere Angaben (freiwillig)').click();
        await page.getByText('Adresse angeben').click();
        await page.locator('#report-place-address-street').fill('Marktplatz');
        await page.locator('#report-place-address-houseNumber').fill('1');
        await page.locator('#report-place-address-postalCode').fill('52062');
        await page.locator('#report-place-address-city').fill('Aachen');
        await page
          .getByLabel('Beschreibung des Vorfalls')
          .fill('Der Mann schrie, stieß mich gegen den Tresen und trat gegen die Tür.');
        await page.getByLabel('Verletzungen').selectOption('minor');
        await page.getByLabel('Polizei hinzugezogen').selectOption('yes');
        await page.getByLabel('Strafanzeige').selectOption('planned');
        await page.getByLabel('Aktenzeichen der Anzeige').fill('ST 123/26');
        await page.getByRole('button', { name: 'Person hinzufügen' }).click();
        await page.locator('#report-persons-0-familyName').fill('<b>Mustermann</b>');
        await page.locator('#report-persons-0-givenNames').fill('Max');
        // Month and year of birth, typed the German way in the one date field.
        await page.locator('#report-persons-0-dateOfBirth').fill('3.1984');
        await page.getByRole('button', { name: 'Person hinzufügen' }).click();
        await page.locator('#report-persons-1-description').fill('Begleiter, etwa 30, rote Jacke');
        await checkPage(page, `${viewport}-report-full`);
        const sent = page.waitForRequest(
          (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/incidents'),
        );
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        expect((await sent).postData()).toContain('"dateOfBirth":"1984-03"');

        // The server refuses the time; the message sits at the field, nothing typed is lost.
        const timeError = page.locator('#report-occurredAt-error');
        await timeError.waitFor();
        expect(await timeError.textContent()).toContain('Der Zeitpunkt liegt in der Zukunft');
        expect(await page.getByLabel('Zeitpunkt').getAttribute('aria-invalid')).toBe('true');
        await page
          .getByRole('alert')
          .getByRole('link', { name: /^Zeitpunkt:/ })
          .waitFor();
        expect(await page.locator('#report-persons-0-familyName').inputValue()).toBe(
          '<b>Mustermann</b>',
        );
        expect(await page.locator('#report-persons-0-dateOfBirth').inputValue()).toBe('03.1984');
        expect(await page.getByLabel('Beschreibung des Vorfalls').inputValue()).toContain('Tresen');
        await checkPage(page, `${viewport}-report-server-error`);
        expect(await storedReports(server, who.username)).toBe(0);

        await page.getByLabel('Zeitpunkt').fill(localInput(2));
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Meldung eingegangen' }).waitFor();
        await page.getByText(/Aktenzeichen: V-\d{4}-\d+/).waitFor();
        await checkPage(page, `${viewport}-report-stored`);
        expect(await storedReports(server, who.username)).toBe(1);
        expect((await outboxContents(page)).entries).toEqual([]);

        // A quick report, then completed from its page.
        await page.getByRole('button', { name: 'Weiteren Vorfall melden' }).click();
        await page.getByLabel('Zeitpunkt').fill(localInput(1));
        await page.getByRole('checkbox', { name: 'Beleidigung' }).click();
        expect(await page.getByRole('radio', { name: /^Stufe 1/ }).isChecked()).toBe(true);
        await page.getByLabel('Ort in Worten').fill('Telefon, Hotline');
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Meldung eingegangen' }).waitFor();
        await page.getByRole('link', { name: 'Meldung vervollständigen' }).click();
        await page.getByRole('heading', { level: 1, name: /^Meldung V-/ }).waitFor();
        await checkPage(page, `${viewport}-report-detail-quick`);
        await page.getByRole('button', { name: 'Meldung vervollständigen' }).click();
        await page.getByLabel('Beschreibung des Vorfalls').fill('Er beschimpfte mich am Telefon.');
        await page.getByRole('button', { name: 'Änderungen senden' }).click();
        await page.getByText('Ihre Meldung wurde ergänzt.').waitFor();
        await page.getByText('Er beschimpfte mich am Telefon.').waitFor();
        await checkPage(page, `${viewport}-report-detail-completed`);

        await page.getByRole('link', { name: 'Zurück zu meinen Meldungen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Meine Meldungen' }).waitFor();
        const list = page.getByTestId('report-list');
        await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
        await list.getByRole('link').last().click();
        await page.getByRole('heading', { level: 1, name: /^Meldung V-/ }).waitFor();
        // Names are shown as typed, as text.
        await page.getByText('<b>Mustermann</b>, Max', { exact: false }).waitFor();
        expect(await page.locator('.zm-report-view b').count()).toBe(0);
        await checkPage(page, `${viewport}-report-detail-full`);
        expect(await storedReports(server, who.username)).toBe(2);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a registrar’s question shows on the start page, and the reporter answers it with the report',
    async () => {
      const who = reporter('lea.frage', 'Lea Frage');
      const registrar = reporter('rita.register', 'Rita Register');
      await createAccount(server, { ...who, roles: ['reporter'] });
      await createAccount(server, { ...registrar, roles: ['registrar'] });
      const context = await newContext(browser, 'phone');
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, who);
        await page.getByRole('link', { name: 'Vorfall melden' }).click();
        await page.getByRole('checkbox', { name: 'Bedrohung' }).click();
        await page.getByLabel('Ort in Worten').fill('Hausbesuch, Treppenhaus');
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Meldung eingegangen' }).waitFor();

        // The registrar asks (through the service, as the review UI is another journey).
        const [row] = rowsOf<{ id: string; registrar: string }>(
          await server.database.db.execute(
            sql`SELECT i.id, (SELECT id FROM users WHERE username = ${registrar.username}) AS registrar
              FROM incidents i JOIN users u ON u.id = i.reporter_id
              WHERE u.username = ${who.username}`,
          ),
        );
        await server.services.incidents.decide({
          actor: { id: row!.registrar, abilities: ['incident.review'] },
          id: row!.id,
          decision: { decision: 'ask', question: 'Hat die Person eine Waffe gezeigt?' },
        });

        await page.goto(`${server.origin}/`);
        await page.getByText('Die Registerstelle hat eine Rückfrage zu Ihrer Meldung').waitFor();
        await checkPage(page, 'phone-report-home-question');
        await page.getByRole('link', { name: /^Rückfrage zu V-\d{4}-\d+ beantworten$/ }).click();
        await page.getByRole('heading', { level: 1, name: /^Meldung V-/ }).waitFor();
        await page.getByText('Rückfrage', { exact: true }).first().waitFor();
        await page.getByText('Hat die Person eine Waffe gezeigt?').first().waitFor();
        await checkPage(page, 'phone-report-detail-question');

        await page.getByRole('button', { name: 'Rückfrage beantworten' }).click();
        await page.getByRole('checkbox', { name: 'Einsatz von Werkzeugen oder Waffen' }).click();
        await page.getByRole('radio', { name: /^Stufe 3/ }).check();
        // Without an answer the form says so and keeps what was changed.
        await page.getByRole('button', { name: 'Änderungen senden' }).click();
        await page.locator('#report-answer-error').waitFor();
        await page.getByLabel('Ihre Antwort').fill('Ja, ein Messer, er hielt es in der Hand.');
        await checkPage(page, 'phone-report-answer');
        await page.getByRole('button', { name: 'Änderungen senden' }).click();
        await page.getByText('Ihre Antwort wurde gesendet.').waitFor();
        await page.getByText('Eingegangen', { exact: true }).waitFor();
        await page.getByText('Ja, ein Messer, er hielt es in der Hand.').waitFor();
        expect(await page.getByText('Stufe 3 – Waffen oder Werkzeuge').count()).toBe(1);
        await checkPage(page, 'phone-report-answered');
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'signing out asks about unsent reports, then deletes them and the key from the device',
    async () => {
      const who = reporter('jana.probe', 'Jana Probe');
      await createAccount(server, { ...who, roles: ['reporter'] });
      const context = await newContext(browser, 'phone');
      const page = await context.newPage();
      // The page's own sending is checked here (as in Safari and Firefox).
      await denyBackgroundSync(context, page, server.origin);
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, who);
        // The narrowest phones the app supports.
        await page.setViewportSize({ width: 360, height: 740 });
        // The server is unavailable for reports: the report stays on the device.
        await page.route('**/api/v1/incidents', (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'unavailable',
              status: 503,
              code: 'server.unavailable',
              detail: { de: 'x', en: 'x' },
            }),
          }),
        );
        await page.getByRole('link', { name: 'Vorfall melden' }).click();
        await page.getByRole('checkbox', { name: 'Sachbeschädigung' }).click();
        await page.getByLabel('Ort in Worten').fill('Parkplatz am Rathaus');
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page.getByText('1 Meldung ist noch nicht gesendet.').waitFor();
        expect((await outboxContents(page)).entries).toHaveLength(1);

        await page.getByRole('link', { name: 'Meine Meldungen' }).first().click();
        await page.getByTestId('outbox-list').getByText('Noch nicht gesendet').waitFor();
        await checkPage(page, '360-report-mine-unsent');

        await page.getByRole('button', { name: 'Abmelden' }).click();
        const dialog = page.getByRole('dialog', { name: 'Nicht gesendete Meldungen' });
        await dialog.getByText('Auf diesem Gerät wartet noch 1 Meldung.').waitFor();
        await checkPage(page, '360-report-signout-dialog');
        await dialog.getByRole('button', { name: 'Angemeldet bleiben' }).click();
        await dialog.waitFor({ state: 'hidden' });
        expect((await outboxContents(page)).entries).toHaveLength(1);

        await page.getByRole('button', { name: 'Abmelden' }).click();
        await dialog.getByRole('button', { name: 'Löschen und abmelden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        const after = await outboxContents(page);
        expect(after.entries).toEqual([]);
        expect(after.keys).toEqual([]);
        expect(after.owner).toBeNull();
        expect(await storedReports(server, who.username)).toBe(0);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
