import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
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
      await report.getByLabel('Stufe').selectOption('3');
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
});
