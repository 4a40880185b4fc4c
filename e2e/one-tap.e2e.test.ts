import { randomUUID } from 'node:crypto';
import { IncidentReportInput } from '@zemag/contracts';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../apps/api/src/modules/identity/identity.repository.ts';
import { incidents } from '../apps/api/src/modules/incidents/incidents.table.ts';
import { createAccount, signInAs, type Credentials } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, watchPageErrors } from './support/page-checks';
import type { TestServer } from './support/server';

const FIELD: Credentials = {
  username: 'frieda.aussen',
  displayName: 'Frieda Außen',
  password: 'ein langer Satz als Passwort',
};
const REGISTRAR: Credentials = {
  username: 'rita.register',
  displayName: 'Rita Register',
  password: 'noch ein langer Satz als Passwort',
};
/** The journey checks several pages with axe; that takes its time on a busy machine. */
const JOURNEY_TIMEOUT = 240_000;
const POSITION = { latitude: 50.9375, longitude: 6.9603, accuracy: 20 };

/** Waits until the page stops moving: KERN scrolls smoothly to a focused field. */
async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  for (;;) {
    const now = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY))),
        ),
    );
    if (now === last) return;
    last = now;
  }
}

/** The reports of the field employee, straight from the database. */
async function reportsOf(server: TestServer) {
  const { user } = await findUserByUsername({ db: server.database.db, username: FIELD.username });
  const rows = await server.database.db
    .select()
    .from(incidents)
    .where(eq(incidents.reporterId, user!.id));
  // the narrative is stored encrypted (modules/encryption): compare it opened
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      description: await server.services.cipher.open(
        server.database.db,
        'incidents.description',
        row.id,
        row.description,
      ),
    })),
  );
}

describe.skipIf(skipBrowser)(browserSuiteName('one-tap report on a phone'), () => {
  let browser: Browser | undefined;
  let server: TestServer | undefined;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createAccount(server, { ...FIELD, roles: ['reporter', 'field'] });
    await createAccount(server, { ...REGISTRAR, roles: ['reporter', 'registrar'] });
  });

  afterAll(async () => {
    await closeBrowserAndServer(browser, server);
  });

  it(
    'a field employee reports with one tap offline, sees it arrive when the connection is back, and completes it from Meine Meldungen',
    async () => {
      const context = await newContext(browser!, 'phone');
      await context.grantPermissions(['geolocation'], { origin: server!.origin });
      await context.setGeolocation(POSITION);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server!, FIELD);
        const oneTap = page.getByRole('button', { name: 'Sofort melden' });
        await oneTap.waitFor();
        // The one tap is the first thing a thumb meets: on screen without scrolling.
        const box = await oneTap.boundingBox();
        expect(box!.y + box!.height).toBeLessThan(844);
        await checkPage(page, 'phone-one-tap-home');

        await context.setOffline(true);
        await oneTap.click();
        await page.getByText('Meldung auf diesem Gerät gespeichert').waitFor();
        await page.getByText('Sie wird gesendet, sobald wieder eine Verbindung besteht.').waitFor();
        expect(await reportsOf(server!)).toHaveLength(0);
        await checkPage(page, 'phone-one-tap-saved');

        await context.setOffline(false);
        await page.getByText('Ihre Meldung ist bei der Registerstelle angekommen').waitFor();
        await checkPage(page, 'phone-one-tap-arrived');
        const [stored, ...more] = await reportsOf(server!);
        expect(more).toHaveLength(0);
        expect(stored).toMatchObject({
          status: 'submitted',
          level: null,
          categories: [],
          latitude: POSITION.latitude,
          longitude: POSITION.longitude,
        });

        await page.getByRole('link', { name: 'Meine Meldungen', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Meine Meldungen' }).waitFor();
        const item = page.locator(`[data-reference="${stored!.reference}"]`);
        await item.getByText('Unvollständig').waitFor();
        await item.getByText('Stufe offen').waitFor();
        await checkPage(page, 'phone-one-tap-mine');

        await item.getByRole('link', { name: `${stored!.reference} ergänzen` }).click();
        await page
          .getByRole('heading', { level: 1, name: `Meldung ${stored!.reference}` })
          .waitFor();
        await page.getByText('Diese Meldung ist noch unvollständig').waitFor();
        // The send button is in reach without scrolling, and it covers no field in focus.
        const send = page.getByRole('button', { name: 'Änderungen senden' });
        const sendBox = await send.boundingBox();
        expect(sendBox!.y + sendBox!.height).toBeLessThanOrEqual(844);
        await checkPage(page, 'phone-one-tap-complete');

        await page.getByRole('checkbox', { name: 'Bedrohung' }).click();
        expect(await page.getByRole('radio', { name: /^Stufe 2/ }).isChecked()).toBe(true);
        const narrative = page.getByLabel('Beschreibung des Vorfalls');
        await narrative.focus();
        await scrollSettled(page);
        const fieldBox = await narrative.boundingBox();
        const barBox = await send.boundingBox();
        expect(fieldBox!.y + fieldBox!.height).toBeLessThanOrEqual(barBox!.y);
        await narrative.fill('Der Mann drohte an der Haustür mit Schlägen.');
        await page.getByRole('button', { name: 'Person hinzufügen' }).click();
        await page.getByLabel('Familienname').fill('Brandt');
        await send.click();
        await page.getByText('Ihre Meldung wurde ergänzt.').waitFor();
        await checkPage(page, 'phone-one-tap-completed');
        const [completed] = await reportsOf(server!);
        expect(completed).toMatchObject({
          level: 2,
          categories: ['threat'],
          description: 'Der Mann drohte an der Haustür mit Schlägen.',
        });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a registrar confirms an incomplete one-tap report only with a level and a kind of incident',
    async () => {
      const { user } = await findUserByUsername({
        db: server!.database.db,
        username: FIELD.username,
      });
      const receipt = await server!.services.incidents.submit({
        actor: { id: user!.id, abilities: ['incident.report'] },
        key: randomUUID(),
        report: IncidentReportInput.parse({
          occurredAt: new Date(Date.now() - 600_000).toISOString(),
          place: {},
          incomplete: true,
        }),
      });
      const { reference } = receipt.receipt;
      const context = await newContext(browser!, 'phone');
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server!, REGISTRAR);
        await page.goto(`${server!.origin}/review`);
        const link = page.getByRole('link', { name: reference });
        await link.waitFor();
        await link.click();
        await page.getByRole('heading', { level: 1, name: `Meldung ${reference}` }).waitFor();
        await page.getByText('Stufe offen').first().waitFor();
        await page.getByRole('button', { name: 'Bestätigen' }).click();
        // Without level and kind the confirmation does not even open: the fields say why.
        await page.getByText('Bitte wählen Sie eine Stufe.').waitFor();
        await page.getByText('Bitte wählen Sie mindestens eine Art des Vorfalls.').waitFor();
        expect(await page.getByRole('dialog').count()).toBe(0);
        await checkPage(page, 'phone-one-tap-review');

        await page.getByLabel('Stufe (Aachener Modell)').selectOption('2');
        await page.getByRole('checkbox', { name: 'Bedrohung' }).check();
        await page.getByRole('button', { name: 'Bestätigen' }).click();
        const confirm = page.getByRole('dialog', { name: 'Meldung bestätigen' });
        await confirm.getByRole('button', { name: 'Bestätigen' }).click();
        await page.getByText(`Die Meldung ${reference} ist bestätigt.`).waitFor();
        await checkPage(page, 'phone-one-tap-review-confirmed');
        const [row] = await server!.database.db
          .select()
          .from(incidents)
          .where(eq(incidents.id, receipt.receipt.id));
        expect(row).toMatchObject({ status: 'confirmed', level: 2, categories: ['threat'] });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
