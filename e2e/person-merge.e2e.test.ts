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

/**
 * Two reports on the same man, spelled "Meyer" and "Maier" by two colleagues, were each
 * confirmed and linked to a new person record — the duplicate a registrar merges.
 */
async function twoRecordsOfOneMan(server: TestServer) {
  const records: { reference: string; personId: string }[] = [];
  for (const [index, familyName] of ['Meyer', 'Maier'].entries()) {
    const { incident, person } = await confirmedReportOnNewPerson(server, {
      familyName,
      givenNames: 'Hans',
      dateOfBirth: '1975-03-02',
      daysAgo: 3 - index,
      place: `Wohnung Lindenweg 4, Besuch ${index + 1}`,
      description: 'Drohte mit Schlägen, als die Tür geöffnet wurde.',
      fileNumber: `StA 77 Js ${100 + index}/26`,
    });
    records.push({ reference: incident.reference, personId: person.id });
  }
  return records;
}

describe.skipIf(skipBrowser)(browserSuiteName('merging duplicate person records'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createReporterAndRegistrar(server);
  });

  afterAll(() => closeBrowserAndServer(browser, server));

  it('a registrar merges "Maier" into "Meyer" with a reason; both reports follow, the merge is audited', async () => {
    const [meyer, maier] = await twoRecordsOfOneMan(server);
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await signInAs(page, server, REGISTRAR);
      await page.goto(`${server.origin}/persons/${meyer!.personId}`);
      await page.getByRole('heading', { level: 1, name: 'Meyer, Hans' }).waitFor();
      await page.getByRole('link', { name: meyer!.reference }).waitFor();
      expect(await page.getByRole('link', { name: maier!.reference }).count()).toBe(0);

      await page.getByRole('button', { name: 'Doppelten Datensatz zusammenführen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Datensätze zusammenführen' });
      // The similar record is offered by name and date of birth; the reason is required.
      const option = dialog.getByRole('radio', { name: /^Maier, Hans/ });
      await option.check();
      await dialog.getByRole('button', { name: 'Zusammenführen' }).click();
      await dialog.getByText('Bitte schreiben Sie mindestens 3 Zeichen.').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await snap(page, 'desktop-merge-chosen');
      await dialog
        .getByLabel('Begründung')
        .fill('Gleicher Mann, gleiches Geburtsdatum, Name nur anders geschrieben.');
      await dialog.getByRole('button', { name: 'Zusammenführen' }).click();
      await page.getByText('Die Datensätze sind zusammengeführt.').waitFor();
      await dialog.waitFor({ state: 'hidden' });

      // Both reports now belong to Meyer; Maier's record only points here.
      await page.getByRole('link', { name: maier!.reference }).waitFor();
      await page.getByRole('link', { name: meyer!.reference }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.goto(`${server.origin}/persons/${maier!.personId}`);
      await page.getByText('Dieser Datensatz wurde mit einem anderen zusammengeführt.').waitFor();
      await page.getByRole('link', { name: 'Zum fortgeführten Datensatz' }).click();
      await page.getByRole('heading', { level: 1, name: 'Meyer, Hans' }).waitFor();

      // The merge is in the audit trail with its reason, in the registrar's name.
      const audit = rowsOf<{ purpose: string | null; subject_id: string | null; details: unknown }>(
        await server.database.db.execute(
          sql`SELECT a.purpose, a.subject_id, a.details FROM audit_events a
              JOIN users u ON u.id = a.actor_id
              WHERE a.action = 'person.merge' AND u.username = ${REGISTRAR.username}`,
        ),
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]!.purpose).toContain('Name nur anders geschrieben');
      expect(audit[0]!.subject_id).toBe(meyer!.personId);
      expect(JSON.stringify(audit[0]!.details)).toContain(maier!.personId);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
