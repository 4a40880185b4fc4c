import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../apps/api/src/db/database.ts';
import { signInAs } from './support/accounts';
import { seriousViolations } from './support/axe';
import { browserSuiteName, newContext, skipBrowser } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { overflowsHorizontally, watchPageErrors } from './support/page-checks';
import {
  REGISTRAR,
  confirmedReportOnNewPerson,
  createReporterAndRegistrar,
} from './support/register';
import { snap } from './support/screenshot';
import type { TestServer } from './support/server';

/** A confirmed report on "Meyer", linked to a new person record. */
async function recordOfMeyer(server: TestServer) {
  const { incident, person } = await confirmedReportOnNewPerson(server, {
    familyName: 'Meyer',
    givenNames: 'Hans',
    dateOfBirth: '1975-03-02',
    daysAgo: 1,
    place: 'Bürgerbüro Nord',
    description: 'Drohte der Sachbearbeiterin.',
    fileNumber: 'StA 77 Js 300/26',
  });
  return { person, incidentId: incident.id };
}

describe.skipIf(skipBrowser)(browserSuiteName('correcting person data (Art. 16)'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createReporterAndRegistrar(server);
  });

  afterAll(() => closeBrowserAndServer(browser, server));

  it('a registrar corrects the name, keeps the old one as former name, adds an address and corrects the report; the history shows old → new (desktop and phone)', async () => {
    const { person, incidentId } = await recordOfMeyer(server);
    const desktop = await newContext(browser, 'desktop');
    const page = await desktop.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await signInAs(page, server, REGISTRAR);
      await page.goto(`${server.origin}/persons/${person.id}`);
      await page.getByRole('heading', { level: 1, name: 'Meyer, Hans' }).waitFor();
      await page.getByText('Bisher keine Berichtigung.').waitFor();
      await page.getByRole('button', { name: 'Daten berichtigen' }).click();
      const form = page.getByRole('form', { name: 'Daten berichtigen' });
      await form.getByLabel('Familienname').fill('Meier');
      await form.getByRole('button', { name: 'Namen hinzufügen' }).click();
      await form.getByLabel('Art', { exact: true }).selectOption('former');
      await form
        .getByRole('group', { name: /^Name 1/ })
        .getByLabel('Familienname')
        .fill('Meyer');
      await form.getByRole('button', { name: 'Adresse hinzufügen' }).click();
      await form.getByLabel('Straße').fill('Lindenweg');
      await form.getByLabel('Hausnummer').fill('4');
      // The reason is required.
      await form.getByRole('button', { name: 'Berichtigung speichern' }).click();
      await form.getByText('Bitte den Grund mit mindestens 10 Zeichen angeben.').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await snap(page, 'desktop-correction-form');
      await form.getByLabel('Grund der Berichtigung').fill('Meldeauskunft vom 2. März 2026');
      await form.getByRole('button', { name: 'Berichtigung speichern' }).click();
      await page.getByText('Die Berichtigung ist gespeichert.').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Meier, Hans' }).waitFor();
      const history = page.getByRole('region', { name: 'Berichtigungen' });
      await history.getByText('Meldeauskunft vom 2. März 2026').waitFor();
      await history.getByText('Meyer', { exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await snap(page, 'desktop-correction-history');

      // The report is corrected on its review page: level 2 → 3, with a reason.
      await page.goto(`${server.origin}/review/${incidentId}`);
      await page.getByRole('button', { name: 'Meldung berichtigen' }).click();
      const report = page.getByRole('form', { name: 'Meldung berichtigen' });
      await report.getByRole('radio', { name: /^Stufe 3/ }).click();
      await report
        .getByLabel('Grund der Berichtigung')
        .fill('Nachtrag der Polizei: Messer gezeigt');
      await report.getByRole('button', { name: 'Berichtigung speichern' }).click();
      await page.getByText('Die Berichtigung ist gespeichert.').waitFor();
      const reportHistory = page.getByRole('region', { name: 'Berichtigungen' });
      await reportHistory.getByText('Nachtrag der Polizei: Messer gezeigt').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await snap(page, 'desktop-incident-correction');
      expect(pageErrors).toEqual([]);
    } finally {
      await desktop.close();
    }

    const phone = await newContext(browser, 'phone');
    const small = await phone.newPage();
    try {
      await signInAs(small, server, REGISTRAR);
      await small.goto(`${server.origin}/persons/${person.id}`);
      await small.getByRole('heading', { level: 1, name: 'Meier, Hans' }).waitFor();
      await small
        .getByRole('region', { name: 'Berichtigungen' })
        .getByText('Meier')
        .first()
        .waitFor();
      await small.getByRole('button', { name: 'Daten berichtigen' }).click();
      await small.getByRole('form', { name: 'Daten berichtigen' }).waitFor();
      expect(await seriousViolations(small)).toEqual([]);
      expect(await overflowsHorizontally(small)).toBe(false);
      await snap(small, 'phone-correction-form');
    } finally {
      await phone.close();
    }

    const audit = rowsOf<{ details: { fields: string[] } }>(
      await server.database.db.execute(
        sql`SELECT details FROM audit_events WHERE action = 'person.corrected'`,
      ),
    );
    expect(audit.map((a) => a.details.fields)).toEqual([['familyName', 'names', 'addresses']]);
  });

  it('a registrar corrects the time, place and category of a report in its prefilled form and reads old → new in the history (desktop and phone)', async () => {
    const { incidentId } = await recordOfMeyer(server);
    /** The report's review page for the registrar at one size; checked for errors, then closed. */
    const onReviewPage = async (size: 'desktop' | 'phone', use: (page: Page) => Promise<void>) => {
      const context = await newContext(browser, size);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, REGISTRAR);
        await page.goto(`${server.origin}/review/${incidentId}`);
        await use(page);
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    };

    await onReviewPage('desktop', async (page) => {
      await page.getByRole('button', { name: 'Meldung berichtigen' }).click();
      const form = page.getByRole('form', { name: 'Meldung berichtigen' });
      // Prefilled with the report as it is.
      expect(await form.getByLabel('Ort in Worten').inputValue()).toBe('Bürgerbüro Nord');
      expect(await form.getByRole('checkbox', { name: 'Bedrohung' }).isChecked()).toBe(true);
      expect(await form.getByLabel('Familienname').inputValue()).toBe('Meyer');
      // The registrar's desk is not the place: no "use my location".
      expect(await form.getByRole('button', { name: 'Meinen Standort verwenden' }).count()).toBe(0);

      await form.getByLabel('Zeitpunkt').fill('2026-11-14T16:45');
      await form.getByLabel('Ort in Worten').fill('Bürgerbüro Süd, Schalter 3');
      await form.getByRole('checkbox', { name: 'Nötigung' }).click();
      // Without a reason the form says so at the field and in the summary.
      await form.getByRole('button', { name: 'Berichtigung speichern' }).click();
      await form.getByText('Bitte den Grund mit mindestens 10 Zeichen angeben.').first().waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-reason');
      expect(await seriousViolations(page)).toEqual([]);
      await snap(page, 'desktop-incident-correction-form');

      await form
        .getByLabel('Grund der Berichtigung')
        .fill('Dienstplan und Polizeibericht vom 15.11.');
      await form.getByRole('button', { name: 'Berichtigung speichern' }).click();
      await page.getByText('Die Berichtigung ist gespeichert.').waitFor();
      const history = page.getByRole('region', { name: 'Berichtigungen' });
      await history
        .getByText('Dienstplan und Polizeibericht vom 15.11.', { exact: false })
        .waitFor();
      const old = history.locator('del');
      const now = history.locator('ins');
      expect(await old.allTextContents()).toEqual([
        expect.stringMatching(/^bisher: \d\d\.\d\d\.2026, \d\d:\d\d$/),
        'bisher: Bürgerbüro Nord',
        'bisher: Bedrohung',
      ]);
      expect(await now.allTextContents()).toEqual([
        'neu: 14.11.2026, 16:45',
        'neu: Bürgerbüro Süd, Schalter 3',
        'neu: Bedrohung, Nötigung',
      ]);
      const shown = (await history.textContent()) ?? '';
      for (const raw of ['threat', 'coercion', 'T16:45', '{', '"'])
        expect(shown).not.toContain(raw);
      await snap(page, 'desktop-incident-correction-history');
    });

    await onReviewPage('phone', async (small) => {
      await small
        .getByRole('region', { name: 'Berichtigungen' })
        .getByText('neu: Bedrohung, Nötigung')
        .waitFor();
      expect(await seriousViolations(small)).toEqual([]);
      expect(await overflowsHorizontally(small)).toBe(false);
      await snap(small, 'phone-incident-correction-history');
      await small.getByRole('button', { name: 'Meldung berichtigen' }).click();
      const form = small.getByRole('form', { name: 'Meldung berichtigen' });
      expect(await form.getByLabel('Ort in Worten').inputValue()).toBe(
        'Bürgerbüro Süd, Schalter 3',
      );
      await snap(small, 'phone-incident-correction-form');
    });

    const audit = rowsOf<{ details: { fields: string[] } }>(
      await server.database.db.execute(
        sql`SELECT details FROM audit_events WHERE action = 'incident.corrected' AND subject_id = ${incidentId}`,
      ),
    );
    expect(audit.map((a) => a.details.fields)).toEqual([['occurredAt', 'place', 'categories']]);
  });
});
