import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../apps/api/src/db/database.ts';
import { type Credentials, createAccount, signInAs } from './support/accounts';
import { denyBackgroundSync } from './support/background-sync';
import { browserSuiteName, newContext, skipBrowser } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, watchPageErrors } from './support/page-checks';
import type { TestServer } from './support/server';

/** The journeys check many pages with axe; that takes its time on a busy machine. */
const JOURNEY_TIMEOUT = 240_000;
const PASSWORD = 'ein langer Satz als Passwort';
const employee = (username: string, displayName: string): Credentials => ({
  username,
  displayName,
  password: PASSWORD,
});

/** The answer of a server that cannot take reports right now. */
const UNAVAILABLE = {
  status: 503,
  contentType: 'application/problem+json',
  body: JSON.stringify({
    type: 'about:blank',
    title: 'unavailable',
    status: 503,
    code: 'server.unavailable',
    detail: { de: 'Der Dienst ist gerade nicht verfügbar.', en: 'The service is unavailable.' },
  }),
};

describe.skipIf(skipBrowser)(browserSuiteName('The outbox never lies'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
  });

  afterAll(() => closeBrowserAndServer(browser, server));

  /** The reports stored for a place, with their reference numbers, straight from the database. */
  async function stored(place: string): Promise<string[]> {
    const result = await server.database.db.execute(
      sql`SELECT reference FROM incidents WHERE place_description = ${place}`,
    );
    return rowsOf<{ reference: string }>(result).map((row) => row.reference);
  }

  /** The session ends on the server, as after the idle timeout; the page does not know yet. */
  async function endSessions(username: string): Promise<void> {
    await server.database.db.execute(
      sql`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ${username})`,
    );
  }

  /** A field employee on a phone, signed in, the page's own sending only (no Background Sync). */
  async function signedInPhone(who: Credentials): Promise<[BrowserContext, Page, string[]]> {
    await createAccount(server, { ...who, roles: ['field', 'reporter'] });
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await denyBackgroundSync(context, page, server.origin);
    const errors = watchPageErrors(page);
    await signInAs(page, server, who);
    return [context, page, errors];
  }

  async function fillQuickReport(page: Page, place: string): Promise<void> {
    await page.getByRole('link', { name: 'Vorfall melden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vorfall melden' }).waitFor();
    await page.getByRole('checkbox', { name: 'Bedrohung' }).click();
    await page.getByLabel('Ort in Worten').fill(place);
  }

  it(
    'a report made after the session expired, signed in again, arrives once',
    async () => {
      const who = employee('frieda.feld', 'Frieda Feld');
      const place = 'Wohnanlage Lindenweg 4, Treppenhaus';
      const [context, page, errors] = await signedInPhone(who);
      try {
        await fillQuickReport(page, place);
        // The idle timeout ends the session while the form is open.
        await endSessions(who.username);
        await page.getByRole('button', { name: 'Meldung senden' }).click();

        // Kept on the phone, and it says why it is not sent: no pretending to wait for a network.
        await page.getByRole('heading', { level: 1, name: 'Meldung gespeichert' }).waitFor();
        await page.getByText('Bitte erneut anmelden').waitFor();
        await page
          .getByText(/Ihre Sitzung ist abgelaufen\. 1 Meldung ist auf diesem Gerät/)
          .waitFor();
        expect(await page.getByText(/sobald eine Verbindung besteht/).count()).toBe(0);
        expect(await stored(place)).toEqual([]);
        await checkPage(page, 'phone-outbox-needs-sign-in');

        // Sign in again; the app returns to the outbox, which sends the report by itself.
        await page.getByRole('button', { name: 'Anmelden und senden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        await page.getByText('Sitzung beendet').waitFor();
        expect(new URL(page.url()).search).toBe('?next=%2Freports');
        await page.getByLabel('Benutzername').fill(who.username);
        await page.getByLabel('Passwort').fill(who.password);
        await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Meine Meldungen' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/reports');

        const arrivals = page.getByTestId('outbox-arrivals');
        await arrivals.getByText(/^Eingegangen – Nr\. /).waitFor();
        const references = await stored(place);
        expect(references).toHaveLength(1);
        await arrivals.getByText(`Eingegangen – Nr. ${references[0]}`, { exact: false }).waitFor();
        expect(await page.getByText('Bitte erneut anmelden').count()).toBe(0);
        // The list of sent reports knows it too (read again after the arrival).
        await page.getByTestId('report-list').getByText(references[0]!, { exact: false }).waitFor();
        await checkPage(page, 'phone-outbox-arrived');

        // Opened again later: still exactly one report, nothing waiting on the phone.
        await page.goto(`${server.origin}/`);
        await page
          .getByRole('heading', { level: 1, name: `Guten Tag, ${who.displayName}` })
          .waitFor();
        await page
          .getByTestId('outbox-arrivals')
          .getByText(`Nr. ${references[0]}`, { exact: false })
          .waitFor();
        expect(await page.getByText(/noch nicht gesendet/).count()).toBe(0);
        expect(await stored(place)).toEqual(references);
        // Dismissed, the confirmation is gone.
        await page.getByRole('button', { name: `Bestätigung ${references[0]} ausblenden` }).click();
        await page.getByTestId('outbox-arrivals').waitFor({ state: 'detached' });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a report the server could not take says when it is tried next, shows it is sending, and confirms its arrival sent in the background',
    async () => {
      const who = employee('bernd.bote', 'Bernd Bote');
      const place = 'Parkhaus Mitte, Ebene 2';
      const [context, page, errors] = await signedInPhone(who);
      try {
        let answer: 'unavailable' | 'hold' | 'pass' = 'unavailable';
        const answerNow = () => answer;
        let release: () => void = () => undefined;
        const released = new Promise<void>((resolve) => (release = resolve));
        await page.route('**/api/v1/incidents', async (route) => {
          if (route.request().method() !== 'POST') return route.continue();
          if (answer === 'unavailable') return route.fulfill(UNAVAILABLE);
          if (answer === 'hold') {
            await released;
            // Meanwhile the test may have changed its mind.
            if (answerNow() === 'unavailable') return route.fulfill(UNAVAILABLE);
          }
          return route.continue();
        });
        await fillQuickReport(page, place);
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Meldung gespeichert' }).waitFor();
        await page.getByText(/^Noch nicht angekommen/).waitFor();
        await page.getByText(/Nächster Versuch um \d\d:\d\d Uhr\./).waitFor();
        expect(await page.getByRole('button', { name: 'Jetzt senden' }).count()).toBe(1);
        await checkPage(page, 'phone-outbox-failed');

        // "Send now" while the server is slow: the report says it is on its way.
        answer = 'hold';
        await page.getByRole('button', { name: 'Jetzt senden' }).click();
        await page.getByText('1 Meldung wird gerade gesendet.').waitFor();
        await checkPage(page, 'phone-outbox-sending');
        answer = 'unavailable';
        release();
        await page.getByText(/Nächster Versuch um/).waitFor();

        // Nobody touches the phone; the app sends by itself when the next attempt is due and
        // confirms the arrival with the reference number.
        answer = 'pass';
        await page
          .getByTestId('outbox-arrivals')
          .getByText(/^Eingegangen – Nr\. /)
          .waitFor({ timeout: 90_000 });
        const references = await stored(place);
        expect(references).toHaveLength(1);
        await page.getByText(`Eingegangen – Nr. ${references[0]}`, { exact: false }).waitFor();
        expect(await page.getByText(/noch nicht gesendet/).count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a refused report shows the reason and waits for the correction',
    async () => {
      const who = employee('rosa.rueck', 'Rosa Rück');
      const place = 'Bürgerbüro Süd, Schalter 1';
      const [context, page, errors] = await signedInPhone(who);
      try {
        // A server of a newer version refuses a field this app does not check itself.
        await page.route('**/api/v1/incidents', (route) =>
          route.request().method() === 'POST'
            ? route.fulfill({
                status: 400,
                contentType: 'application/problem+json',
                body: JSON.stringify({
                  type: 'about:blank',
                  title: 'invalid',
                  status: 400,
                  code: 'request.invalid',
                  detail: { de: 'Ungültige Angaben', en: 'Invalid input' },
                  errors: [
                    {
                      field: 'place.description',
                      code: 'too_long',
                      message: { de: 'Zu lang.', en: 'Too long.' },
                    },
                  ],
                }),
              })
            : route.continue(),
        );
        await fillQuickReport(page, place);
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        // The form stays, with the refusal at the field.
        await page.getByRole('heading', { level: 1, name: 'Vorfall melden' }).waitFor();
        await page.getByLabel('Ort in Worten').waitFor();

        // On the start page and in "Meine Meldungen": refused, with the server's reason.
        await page.locator('a.zm-brand').click();
        await page.getByText('Meldung nicht angenommen').waitFor();
        await page.getByRole('link', { name: 'Meine Meldungen' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Meine Meldungen' }).waitFor();
        await page.getByText('Meldung nicht angenommen').waitFor();
        const reasons = page.getByTestId('outbox-refusal-reasons');
        expect(await reasons.textContent()).toMatch(/Ort/);
        await checkPage(page, 'phone-outbox-refused');
        expect(await stored(place)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'offline, a report says it is saved on the phone, and arrives when the connection is back',
    async () => {
      const who = employee('otto.offline', 'Otto Offline');
      const place = 'Sporthalle Ost, Eingang';
      const [context, page, errors] = await signedInPhone(who);
      try {
        await fillQuickReport(page, place);
        await context.setOffline(true);
        await page.getByRole('button', { name: 'Meldung senden' }).click();
        await page
          .getByText('Gespeichert auf diesem Gerät – wird gesendet, sobald eine Verbindung besteht')
          .waitFor();
        // Without a connection there is nothing to press: no "send now".
        expect(await page.getByRole('button', { name: 'Jetzt senden' }).count()).toBe(0);
        await checkPage(page, 'phone-outbox-saved');
        await context.setOffline(false);
        await page
          .getByTestId('outbox-arrivals')
          .getByText(/^Eingegangen – Nr\. /)
          .waitFor();
        expect(await stored(place)).toHaveLength(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it('signing in returns to the page that was asked for, never to another site', async () => {
    const who = employee('sina.sprung', 'Sina Sprung');
    await createAccount(server, { ...who, roles: ['reporter'] });
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/reports`);
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      await page.getByLabel('Benutzername').fill(who.username);
      await page.getByLabel('Passwort').fill(who.password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Meine Meldungen' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/reports');

      await context.clearCookies();
      await page.goto(`${server.origin}/sign-in?next=https%3A%2F%2Fevil.example%2F`);
      await page.getByLabel('Benutzername').fill(who.username);
      await page.getByLabel('Passwort').fill(who.password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: `Guten Tag, ${who.displayName}` })
        .waitFor();
      expect(page.url()).toBe(`${server.origin}/`);
    } finally {
      await context.close();
    }
  });
});
