import fs from 'node:fs';
import { permissionsFor } from '@zemag/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../apps/api/src/modules/identity/identity.repository.ts';
import {
  createFixtureRegistrar,
  loadFixturePersons,
} from '../apps/api/src/modules/lookup/lookup.fixtures.ts';
import { type Credentials, createAccount, signInAs } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser, type ViewportName } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, overflowsHorizontally, watchPageErrors } from './support/page-checks';
import { snap } from './support/screenshot';
import { REGISTRAR, createReporterAndRegistrar } from './support/register';
import type { TestServer } from './support/server';

const FILE_NUMBER = 'OA-2026/0777';

/** The data protection officer, who reads the audit log and nothing of the register. */
const DPO: Credentials = {
  displayName: 'Dana Datenschutz',
  username: 'dana.datenschutz',
  password: 'ein Datenschutz-Satz als Passwort',
};

/** A listed person, looked up by the registrar for a file: the event the DPO looks for. */
async function lookedUpPerson(server: TestServer): Promise<string> {
  const db = server.database.db;
  const { userId } = await createFixtureRegistrar({ db });
  const [personId] = await loadFixturePersons({
    db,
    registrarId: userId,
    people: [
      {
        familyName: 'Przybylski',
        givenNames: 'Konrad',
        dateOfBirth: '1971-08-02',
        listing: {
          status: 'active',
          level: 2,
          categories: ['threat'],
          precautions: ['pairs_only'],
          validUntil: '2030-06-30',
        },
      },
    ],
  });
  const { user } = await findUserByUsername({ db, username: REGISTRAR.username });
  const found = await server.services.lookup.lookup({
    actor: { id: user!.id, abilities: permissionsFor(['registrar', 'reporter']) },
    request: {
      familyName: 'Przybylski',
      givenNames: 'Konrad',
      purpose: { fileNumber: FILE_NUMBER, reason: 'home_visit' },
    },
  });
  expect(JSON.stringify(found)).toContain(personId!);
  return personId!;
}

/** Signs the DPO in and opens the audit log from the start page. */
async function openAuditLog(page: Page, server: TestServer, viewport: ViewportName) {
  await signInAs(page, server, DPO);
  // The start page offers the audit log, and promises no function the app does not have.
  await page.getByTestId('abilities').getByText('Das Protokoll lesen').waitFor();
  await page
    .getByTestId('abilities')
    .getByText('Das Verzeichnis von Verarbeitungstätigkeiten lesen')
    .waitFor();
  // the audit log, the record of processing and the statistics
  expect(await page.getByTestId('abilities').locator('li').count()).toBe(3);
  await snap(page, `${viewport}-dpo-home`);
  await page.getByRole('link', { name: 'Protokoll durchsuchen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Protokoll durchsuchen' }).waitFor();
  await page
    .getByTestId('audit-count')
    .getByText(/Einträge|Eintrag/)
    .waitFor();
}

/** Searches for the look-ups that showed the person, by the pasted address of their page. */
async function searchLookupsOf(page: Page, server: TestServer, personId: string) {
  await page
    .getByLabel('Person (ID oder Adresse der Personenseite)')
    .fill(`${server.origin}/persons/${personId}`);
  await page.getByLabel('Aktion').selectOption({ label: 'Abfragen' });
  await page.getByRole('button', { name: 'Suchen' }).click();
  return page.getByTestId('audit-events').locator('tbody tr', { hasText: FILE_NUMBER });
}

/** Nothing the filter named is in the address or kept by the browser. */
async function expectNothingKept(page: Page, personId: string) {
  expect(page.url()).not.toContain(personId);
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(kept).not.toContain(personId);
}

describe.skipIf(skipBrowser)(browserSuiteName('the audit log for the DPO'), () => {
  let browser: Browser;
  let server: TestServer;
  let personId: string;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createReporterAndRegistrar(server);
    await createAccount(server, { ...DPO, roles: ['dpo'] });
    personId = await lookedUpPerson(server);
  }, 120_000);

  afterAll(() => closeBrowserAndServer(browser, server));

  it('on a desk the DPO finds who looked a person up and why, narrows to that user and exports the CSV', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await openAuditLog(page, server, 'desktop');

      const row = await searchLookupsOf(page, server, personId);
      await row.waitFor();
      await expect.poll(() => row.count()).toBe(1);
      await row.getByText(REGISTRAR.displayName, { exact: true }).waitFor();
      await row.getByText('Abfrage', { exact: true }).waitFor();
      await row.getByText('register.lookup').waitFor();
      await page.getByText('1 Eintrag gefunden').waitFor();
      await checkPage(page, 'desktop-audit-lookups');

      // Everything this user did: the user filter comes from the row, shown above the form.
      await row.getByRole('button', { name: `Alle Einträge von ${REGISTRAR.displayName}` }).click();
      await page
        .getByText(`${REGISTRAR.displayName} (${REGISTRAR.username})`, { exact: true })
        .waitFor();
      await page.getByLabel('Person (ID oder Adresse der Personenseite)').fill('');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByText(/Eintr(ag|äge) gefunden/).waitFor();
      const users = await page
        .getByTestId('audit-events')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
      expect(users.length).toBeGreaterThan(0);
      for (const text of users) expect(text).toContain(REGISTRAR.username);

      // The CSV of the same filter comes by fetch; the person's id never was in an address.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Als CSV herunterladen' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('Protokoll.csv');
      const csv = fs.readFileSync((await file.path())!, 'utf8');
      expect(csv).toContain('Nr.;Zeitpunkt;Benutzer');
      expect(csv).toContain(FILE_NUMBER);
      expect(csv).toContain(REGISTRAR.username);
      await expectNothingKept(page, personId);
      await checkPage(page, 'desktop-audit-user');

      // On a tablet the table scrolls inside its own frame; the page does not.
      await page.setViewportSize({ width: 800, height: 1024 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await snap(page, 'tablet-audit-user');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a desk the DPO pages to older entries: 50 at first, the rest on request', async () => {
    // 55 more look-ups by the registrar: more than one page of look-ups
    const { user } = await findUserByUsername({
      db: server.database.db,
      username: REGISTRAR.username,
    });
    const actor = { id: user!.id, abilities: permissionsFor(['registrar', 'reporter']) };
    for (let i = 1; i <= 55; i++) {
      await server.services.lookup.lookup({
        actor,
        request: {
          familyName: `Seitenweise${String.fromCharCode(96 + (i % 26) + 1)}`,
          purpose: { fileNumber: `OA-2026/${1000 + i}`, reason: 'home_visit' },
        },
      });
    }
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await openAuditLog(page, server, 'desktop');
      await page.getByLabel('Aktion').selectOption({ label: 'Abfragen' });
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByText('Die neuesten 50 Einträge werden angezeigt; es gibt ältere.').waitFor();
      const rows = page.getByTestId('audit-events').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(50);
      await page.getByRole('button', { name: 'Ältere Einträge laden' }).click();
      // 55 of this test and the one of the journey above: all 56, and no button any more
      await page.getByText('56 Einträge gefunden').waitFor();
      await expect.poll(() => rows.count()).toBe(56);
      expect(await page.getByRole('button', { name: 'Ältere Einträge laden' }).count()).toBe(0);
      // newest first, the oldest (the journey's look-up) last
      await rows.last().getByText(FILE_NUMBER).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone the page fits the screen, and a filter that is none is named at its field', async () => {
    const viewport: ViewportName = 'phone';
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await openAuditLog(page, server, viewport);
      await checkPage(page, 'phone-audit');

      // A name is no person id: said at the field before anything is sent.
      await page.getByLabel('Person (ID oder Adresse der Personenseite)').fill('Przybylski');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.locator('#audit-person-error').getByText('keine ID einer Person').waitFor();

      // A department code the server refuses: its answer is shown at that field.
      await page.getByLabel('Person (ID oder Adresse der Personenseite)').fill('');
      await page.getByLabel('Dienststelle (Kürzel)').fill('§§');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.locator('#audit-department-error').waitFor();
      await page.getByText('Bitte prüfen Sie Ihre Eingaben').waitFor();
      await page.getByLabel('Dienststelle (Kürzel)').fill('');

      const row = await searchLookupsOf(page, server, personId);
      await row.waitFor();
      await row.getByText(FILE_NUMBER).waitFor();
      await checkPage(page, `${viewport}-audit-lookups`);
      await expectNothingKept(page, personId);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
