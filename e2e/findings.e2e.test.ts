import { permissionsFor } from '@zemag/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../apps/api/src/modules/identity/identity.repository.ts';
import { type Credentials, createAccount, signInAs } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser, type ViewportName } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, overflowsHorizontally, watchPageErrors } from './support/page-checks';
import type { TestServer } from './support/server';

const DPO: Credentials = {
  displayName: 'Dana Datenschutz',
  username: 'dana.datenschutz',
  password: 'ein Datenschutz-Satz als Passwort',
};
const FIELD: Credentials = {
  displayName: 'Felix Außendienst',
  username: 'felix.aussendienst',
  password: 'ein Außendienst-Satz als Passwort',
};
const BURST = 51;

/** The field worker's burst of address look-ups on one file number, and the scan after it. */
async function burstOfLookups(server: TestServer): Promise<void> {
  const { user } = await findUserByUsername({ db: server.database.db, username: FIELD.username });
  const actor = { id: user!.id, abilities: permissionsFor(['field']) };
  for (let i = 1; i <= BURST; i++) {
    await server.services.lookup.lookup({
      actor,
      request: {
        address: { street: 'Gartenstraße', houseNumber: String(i), city: 'Musterstadt' },
        purpose: { fileNumber: 'OD-26-1203', reason: 'inspection' },
      },
    });
  }
  await server.services.auditChainer.drain();
  const scan = await server.services.anomalies.scan();
  expect(scan).toMatchObject({ ran: true });
}

describe.skipIf(skipBrowser)(browserSuiteName('anomaly findings for the DPO'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createAccount(server, { ...DPO, roles: ['dpo'] });
    await createAccount(server, { ...FIELD, roles: ['field'] });
    await burstOfLookups(server);
  }, 120_000);

  afterAll(() => closeBrowserAndServer(browser, server));

  // the phone first: the desk then marks the finding reviewed
  for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
    it(`on ${viewport === 'desktop' ? 'a desk' : 'a phone'} the DPO sees the burst, its look-ups, and marks it reviewed with a note`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, DPO);
        await page.getByRole('link', { name: 'Auffälligkeiten prüfen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Auffälligkeiten' }).waitFor();
        await page
          .getByTestId('findings-count')
          .getByText(/offene Auffälligkeit/)
          .waitFor();
        const burst = page.getByRole('article', { name: 'Viele Abfragen in kurzer Zeit' });
        await burst.getByText(`${BURST} Abfragen innerhalb von 60 Minuten`).waitFor();
        await burst.getByText(`${FIELD.displayName} (${FIELD.username})`).waitFor();
        // the rules are explained with their limits
        await page
          .getByText('Mehr als 50 Abfragen einer Person innerhalb von 60 Minuten')
          .waitFor();
        await checkPage(page, `${viewport}-findings`);

        // the look-ups it rests on, each with its file number
        await burst.getByRole('button', { name: `Die ${BURST} Abfragen anzeigen` }).click();
        await expect.poll(() => burst.locator('.zm-finding-events li').count()).toBe(BURST);
        await burst
          .locator('.zm-finding-events li')
          .first()
          .getByText(/OD-26-1203/)
          .waitFor();

        if (viewport === 'desktop') {
          // a note too short is named at its field; a real one marks the finding reviewed
          await burst.getByLabel('Prüfnotiz').fill('ok');
          await burst.getByRole('button', { name: 'Als geprüft markieren' }).click();
          await burst.getByText('Bitte mindestens 3 Zeichen.').waitFor();
          const note = 'Sammelkontrolle Gartenstraße mit der Leitung abgestimmt; plausibel.';
          await burst.getByLabel('Prüfnotiz').fill(note);
          await burst.getByRole('button', { name: 'Als geprüft markieren' }).click();
          await burst.getByText(`Geprüft von ${DPO.displayName}`).waitFor();
          await burst.getByText(note).waitFor();
          await checkPage(page, 'desktop-finding-reviewed');

          // the reviewed ones, with the note, are a choice of their own
          await page.getByLabel('Anzeigen').selectOption({ label: 'Geprüfte' });
          await page
            .getByRole('article', { name: 'Viele Abfragen in kurzer Zeit' })
            .getByText(note)
            .waitFor();
        } else {
          expect(await overflowsHorizontally(page)).toBe(false);
        }
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
