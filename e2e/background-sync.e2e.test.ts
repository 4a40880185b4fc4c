import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../apps/api/src/db/database.ts';
import { createAccount, signInAs } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import type { TestServer } from './support/server';

const erika = {
  username: 'erika.sync',
  displayName: 'Erika Sync',
  password: 'ein langer Satz als Passwort',
};

interface Registration {
  registrationId: string;
  scopeURL: string;
  isDeleted: boolean;
}

describe.skipIf(skipBrowser)(browserSuiteName('Background Sync of the report outbox'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createAccount(server, { ...erika, roles: ['reporter'] });
  });

  afterAll(() => closeBrowserAndServer(browser, server));

  async function storedReports(place: string): Promise<number> {
    const result = await server.database.db.execute(
      sql`SELECT count(*)::int AS n FROM incidents WHERE place_description = ${place}`,
    );
    return rowsOf<{ n: number }>(result)[0]!.n;
  }

  async function referenceOf(place: string): Promise<string> {
    const result = await server.database.db.execute(
      sql`SELECT reference FROM incidents WHERE place_description = ${place}`,
    );
    return rowsOf<{ reference: string }>(result)[0]!.reference;
  }

  it('a report made offline is sent by the service worker after the app was closed', async () => {
    const place = 'Hinterhof Gartenstraße, Tor 2';
    const context = await newContext(browser, 'phone');
    // The employee allowed notifications (with the button; here granted up front). Granting
    // replaces the browser's defaults, so Background Sync is named too.
    await context.grantPermissions(['notifications', 'background-sync'], { origin: server.origin });
    try {
      const page = await context.newPage();
      await signInAs(page, server, erika);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.evaluate(() => navigator.serviceWorker.ready);

      await context.setOffline(true);
      await page.getByRole('link', { name: 'Vorfall melden' }).click();
      await page.getByRole('checkbox', { name: 'Bedrohung' }).click();
      await page.getByLabel('Ort in Worten').fill(place);
      await page.getByRole('button', { name: 'Meldung senden' }).click();
      await page.getByText('1 Meldung ist noch nicht gesendet.').waitFor();
      // The page asked the browser for a Background Sync of the outbox.
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          const sync = (registration as unknown as { sync: { getTags(): Promise<string[]> } }).sync;
          return sync.getTags();
        }),
      ).toContain('zemag-outbox');
      expect(await storedReports(place)).toBe(0);

      // The app is closed; later the phone is online again and the browser fires the sync.
      await page.close();
      await context.setOffline(false);
      const blank = await context.newPage();
      const cdp = await context.newCDPSession(blank);
      const registrations: Registration[] = [];
      cdp.on(
        'ServiceWorker.workerRegistrationUpdated',
        (event: { registrations: Registration[] }) => registrations.push(...event.registrations),
      );
      await cdp.send('ServiceWorker.enable');
      await expect
        .poll(() => registrations.find((r) => r.scopeURL === `${server.origin}/` && !r.isDeleted))
        .toBeDefined();
      const registration = registrations.find((r) => r.scopeURL === `${server.origin}/`)!;
      await cdp.send('ServiceWorker.dispatchSyncEvent', {
        origin: server.origin,
        registrationId: registration.registrationId,
        tag: 'zemag-outbox',
        lastChance: false,
      });
      // No page of the app is open: the service worker alone sent the report, exactly once.
      await expect.poll(() => storedReports(place), { timeout: 15_000 }).toBe(1);
      expect(context.pages().map((p) => p.url())).toEqual(['about:blank']);

      // Opened again, the app shows nothing waiting, confirms the arrival with its number, and
      // lists the report among "Meine Meldungen".
      await blank.goto(`${server.origin}/reports`);
      await blank.getByText(place).first().waitFor();
      expect(await blank.getByText(/noch nicht gesendet/).count()).toBe(0);
      expect(await storedReports(place)).toBe(1);
      const reference = await referenceOf(place);
      await blank
        .getByTestId('outbox-arrivals')
        .getByText(`Eingegangen – Nr. ${reference}`, { exact: false })
        .waitFor();
      // With the app closed, the service worker told the employee by a notification.
      const notifications = await blank.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
        }));
      });
      expect(notifications).toEqual([{ title: 'Meldung eingegangen', body: `Nr. ${reference}` }]);
    } finally {
      await context.close();
    }
  });
});
