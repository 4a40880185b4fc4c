import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments } from '../apps/api/src/modules/departments/departments.table.ts';
import { type Credentials, createAccount, signInAs } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser, type ViewportName } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, watchPageErrors } from './support/page-checks';
import type { TestServer } from './support/server';

const DPO: Credentials = {
  displayName: 'Dana Datenschutz',
  username: 'dana.datenschutz',
  password: 'ein Datenschutz-Satz als Passwort',
};
const ADMIN: Credentials = {
  displayName: 'Arne Admin',
  username: 'arne.admin',
  password: 'ein Verwaltungs-Satz als Passwort',
};
const FIELD: Credentials = {
  displayName: 'Fiete Feld',
  username: 'fiete.feld',
  password: 'ein Außendienst-Satz als Passwort',
};
/** An authorised department whose name would break a Markdown table if it were not escaped. */
const SOCIAL = { code: 'SOZ-50', name: 'Sozialamt | Hilfe *zur* Pflege' };

/** The user opens the record from the start page's data protection card. */
async function openRecord(page: Page, server: TestServer, who: Credentials) {
  await signInAs(page, server, who);
  await page.getByRole('link', { name: 'Verzeichnis von Verarbeitungstätigkeiten' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Verzeichnis von Verarbeitungstätigkeiten' })
    .waitFor();
  await page
    .getByRole('heading', { level: 2, name: '9. Technische und organisatorische Maßnahmen' })
    .waitFor();
}

describe.skipIf(skipBrowser)(browserSuiteName('the record of processing activities'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer({
      env: { ZEMAG_CITY_NAME: 'Beispielstadt', ZEMAG_RETENTION_AUDIT_EVENTS_MONTHS: '30' },
    });
    await createAccount(server, { ...DPO, roles: ['dpo'] });
    await createAccount(server, { ...ADMIN, roles: ['admin'] });
    await createAccount(server, { ...FIELD, roles: ['field'] });
    const now = new Date();
    await server.database.db.insert(departments).values({
      ...SOCIAL,
      phone: '0221 221-12345',
      lookupAuthorised: true,
      lookupAuthorisationReason: 'Hausbesuche bei Leistungsprüfungen',
      createdAt: now,
      updatedAt: now,
    });
  }, 120_000);

  afterAll(() => closeBrowserAndServer(browser, server));

  it('on a phone the DPO reads the record as configured and downloads it as Markdown', async () => {
    const viewport: ViewportName = 'phone';
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await openRecord(page, server, DPO);
      await page.getByText('Stadt Beispielstadt', { exact: true }).waitFor();
      // the retention period as configured, the recipients as they are in the database
      const retention = page.locator('[data-code="audit_events"]');
      expect(await retention.innerText()).toContain('30 Monate');
      expect(await retention.innerText()).toContain('angepasst');
      const departments = page.getByTestId('records-departments');
      await departments.getByText(`${SOCIAL.name} (${SOCIAL.code})`).waitFor();
      expect(await departments.innerText()).toContain('1 Person im Außendienst mit gültiger Rolle');
      // what the configuration leaves open is said first
      expect(await page.getByTestId('records-notes').innerText()).toContain(
        'Rechtsgrundlage ist der mitgelieferte Standardtext',
      );
      await checkPage(page, `${viewport}-records`);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Als Markdown herunterladen' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(
        /^verzeichnis-verarbeitungstaetigkeiten-\d{4}-\d{2}-\d{2}\.md$/,
      );
      const markdown = fs.readFileSync((await file.path())!, 'utf8');
      expect(markdown).toContain('# Verzeichnis von Verarbeitungstätigkeiten');
      expect(markdown).toContain('| SOZ-50 | Sozialamt \\| Hilfe \\*zur\\* Pflege |');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a desk the administrator reads it too, in English headings, and field staff cannot', async () => {
    const viewport: ViewportName = 'desktop';
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await openRecord(page, server, ADMIN);
      await checkPage(page, `${viewport}-records`);
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Record of processing activities' })
        .waitFor();
      await page.getByRole('heading', { level: 2, name: '8. Retention periods' }).waitFor();
      await checkPage(page, `${viewport}-records-english`);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }

    const fieldContext = await newContext(browser, 'phone');
    const field = await fieldContext.newPage();
    try {
      await signInAs(field, server, FIELD);
      expect(
        await field.getByRole('link', { name: 'Verzeichnis von Verarbeitungstätigkeiten' }).count(),
      ).toBe(0);
      await field.goto(`${server.origin}/records`);
      await field.getByRole('heading', { level: 1 }).waitFor();
      expect(await field.getByText('Stadt Beispielstadt').count()).toBe(0);
    } finally {
      await fieldContext.close();
    }
  });
});
