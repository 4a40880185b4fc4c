import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoService } from '../apps/api/src/modules/demo/demo.service.ts';
import { DEMO_PERSONS } from '../apps/api/src/modules/demo/demo.register.data.ts';
import { browserSuiteName, newContext, skipBrowser, type ViewportName } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, watchPageErrors } from './support/page-checks';
import { snap } from './support/screenshot';
import type { TestServer } from './support/server';

const DPO = { displayName: 'Dr. Miriam Haddad' };
const REGISTRAR = { displayName: 'Aylin Demir' };

async function openStatistics(page: Page, server: TestServer, who: { displayName: string }) {
  // the demo's sign-in page signs an account in with one click
  await page.goto(`${server.origin}/sign-in`);
  await page.getByRole('button', { name: `Anmelden als ${who.displayName}` }).click();
  await page.getByRole('heading', { level: 1, name: `Guten Tag, ${who.displayName}` }).waitFor();
  await page.getByTestId('statistics-links').getByRole('link', { name: 'Statistik' }).click();
  await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
  await page.getByTestId('stat-period').waitFor();
}

/** The count of a row of a table on the page, as shown ("·" read as "gesperrt"). */
const rowCount = (page: Page, table: string, key: string) =>
  page.getByTestId(table).locator(`tr[data-key="${key}"] td`).first().innerText();

describe.skipIf(skipBrowser)(browserSuiteName('statistics of the demo city'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer({ env: { ZEMAG_DEMO: '1' } });
    // Musterstadt's two years of reports, listings and look-ups.
    await createDemoService({ db: server.database.db, ...server.services }).seed();
  }, 180_000);

  afterAll(() => closeBrowserAndServer(browser, server));

  it('on a desk the DPO sees two years of reports with small counts withheld, and downloads the CSV', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await openStatistics(page, server, DPO);
      await snap(page, 'desktop-statistics-top');
      // The demo's reports reach back about two years: the period starts there.
      const period = await page.getByTestId('stat-period').innerText();
      expect(period).toMatch(/^Gezeigt: \S+ \d{4} bis \S+ \d{4}$/);
      const years = period.match(/\d{4}/g)!.map(Number);
      expect(years[1]! - years[0]!).toBeGreaterThanOrEqual(1);
      // The total of the reports is published; the month columns are drawn.
      const total = await page.getByTestId('stat-incidents-total').innerText();
      expect(Number(total.replace(/\D/g, ''))).toBeGreaterThanOrEqual(5);
      await page.getByTestId('stat-month-chart').waitFor();
      // Level 0 has no report in the demo: a true 0 is shown; levels 1 to 3 are real numbers.
      expect(await rowCount(page, 'stat-levels', '0')).toBe('0');
      expect(Number(await rowCount(page, 'stat-levels', '2'))).toBeGreaterThanOrEqual(5);
      // The few open reviews (the demo's recent reports) are a dot, never a small number.
      expect(await rowCount(page, 'stat-review', 'open')).toContain('gesperrt');
      for (const table of ['stat-levels', 'stat-review']) {
        const shown = await page.getByTestId(table).locator('td').allInnerTexts();
        for (const text of shown) expect(['1', '2', '3', '4']).not.toContain(text.trim());
      }

      // The months as a table, for whoever does not read the chart.
      await page.getByText('Als Tabelle anzeigen').click();
      await page.getByTestId('stat-months').waitFor();
      await checkPage(page, 'desktop-statistics');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'CSV herunterladen' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^Statistik_\d{4}-\d{2}_\d{4}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await file.path())!, 'utf8');
      expect(csv).toContain('Von;Bis;Tabelle;Zeile;Spalte;Anzahl;Hinweis');
      expect(csv).toContain('gesperrt');
      // No person in it: none of the demo's names.
      for (const person of Object.values(DEMO_PERSONS))
        expect(csv).not.toContain(person.familyName);

      // The same page in English.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
      await page.getByText('Small numbers are withheld (·)').waitFor();
      await page.getByPlaceholder('YYYY-MM').first().waitFor();
      await checkPage(page, 'desktop-statistics-en');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone a registrar chooses a period, and a wrong one is named at its field', async () => {
    const viewport: ViewportName = 'phone';
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await openStatistics(page, server, REGISTRAR);
      await checkPage(page, `${viewport}-statistics`);
      // the look-up table scrolls in its own frame: the phone's page keeps its width
      expect(await page.evaluate(() => window.innerWidth)).toBe(390);

      // Not a month: the server's answer is shown at the field.
      await page.getByLabel('Von (Monat)').fill('2026-13');
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await page.locator('#stat-from-error').waitFor();
      await page.getByText('Bitte prüfen Sie den Zeitraum').waitFor();

      // "to" before "from": named at "to".
      await page.getByLabel('Von (Monat)').fill('2026-05');
      await page.getByLabel('Bis einschließlich (Monat)').fill('2026-04');
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await page.locator('#stat-to-error').getByText('vor dem Monat').waitFor();
      await checkPage(page, `${viewport}-statistics-error`);

      // A year of the demo.
      await page.getByLabel('Von (Monat)').fill('2025-01');
      await page.getByLabel('Bis einschließlich (Monat)').fill('2025-12');
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await page.getByTestId('stat-period').getByText('Januar 2025 bis Dezember 2025').waitFor();
      expect(await page.getByTestId('stat-months').count()).toBe(1);
      await page.getByTestId('stat-lookups').or(page.getByText('keine Abfragen')).first().waitFor();
      await checkPage(page, `${viewport}-statistics-year`);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
