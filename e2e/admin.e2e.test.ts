import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, setUpFirstAdmin, signInAs } from './support/accounts';
import { seriousViolations } from './support/axe';
import {
  CHROMIUM_PATH,
  browserSuiteName,
  hasChromium,
  launchBrowser,
  newContext,
  skipBrowser,
  type ViewportName,
} from './support/browser';
import { overflowsHorizontally, watchPageErrors } from './support/page-checks';
import { snap } from './support/screenshot';
import { insertFactor } from '../apps/api/src/modules/mfa/mfa.repository.ts';
import { startServer } from './support/server';

const ADMIN_1 = {
  displayName: 'Kim Muster',
  username: 'kim.muster',
  password: 'ein langer Satz als Passwort',
};
const ADMIN_2 = {
  displayName: 'Alex Beispiel',
  username: 'alex.beispiel',
  password: 'noch ein langer Satz als Passwort',
};
const EMPLOYEE = { displayName: 'Erika Mustermann', username: 'erika.mustermann' };
const EMPLOYEE_PASSWORD = 'mein eigenes langes Passwort';

/** The page is accessible, fits the screen, and is kept as a screenshot. */
async function check(page: Page, viewport: ViewportName, name: string) {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await overflowsHorizontally(page)).toBe(false);
  await snap(page, `${viewport}-admin-${name}`);
}

describe.skipIf(skipBrowser)(browserSuiteName('administration in the browser'), () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s an administrator sets up a department and an account, grants roles, and a second administrator confirms the four-eyes grant',
    async (viewport) => {
      const server = await startServer();
      const first = await newContext(browser, viewport);
      const second = await newContext(browser, viewport);
      const third = await newContext(browser, viewport);
      const page = await first.newPage();
      const page2 = await second.newPage();
      const pageErrors = [...watchPageErrors(page), ...watchPageErrors(page2)];
      try {
        await setUpFirstAdmin(page, server, ADMIN_1);
        await createAccount(server, { ...ADMIN_2, roles: ['admin', 'reporter'] });
        await signInAs(page, server, ADMIN_1);

        // The start page links to the administration the user may do.
        const links = page.getByTestId('admin-links');
        expect(await links.getByRole('link').allTextContents()).toEqual([
          'Benutzerkonten',
          'Bestätigungen und Rezertifizierung',
          'Dienststellen',
          'CSV-Import',
        ]);
        await snap(page, `${viewport}-admin-home`);

        // A department authorised for look-ups; the reason is required and checked.
        await links.getByRole('link', { name: 'Dienststellen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Dienststellen' }).waitFor();
        await page.getByText('Es sind noch keine Dienststellen angelegt.').waitFor();
        await check(page, viewport, 'departments-empty');
        await page.getByLabel('Kürzel').fill('32');
        await page.getByLabel('Bezeichnung').fill('Ordnungsamt');
        await page.getByLabel('Für Abfragen im Register freigegeben').check();
        await page.getByLabel('Begründung der Freigabe').fill('kurz');
        await page.getByRole('button', { name: 'Dienststelle anlegen' }).click();
        await page.locator('#department-lookupAuthorisationReason-error').waitFor();
        // The telephone field staff call is required, and named in the refusal.
        await page.locator('#department-phone-error').waitFor();
        await page.getByLabel('Telefon für Rückfragen').fill('0221 221-3200');
        expect(await page.getByLabel('Begründung der Freigabe').getAttribute('aria-invalid')).toBe(
          'true',
        );
        await check(page, viewport, 'departments-errors');
        await page
          .getByLabel('Begründung der Freigabe')
          .fill('Hausbesuche und Vollzugsdienst im Außendienst');
        await page.getByRole('button', { name: 'Dienststelle anlegen' }).click();
        await page.getByText('Die Dienststelle „Ordnungsamt“ wurde angelegt.').waitFor();
        await page.getByRole('button', { name: 'Bearbeiten: Ordnungsamt' }).waitFor();
        await check(page, viewport, 'departments');

        // A new account in that department, created from the account list.
        await page
          .getByRole('navigation', { name: 'Verwaltung' })
          .getByRole('link', {
            name: 'Benutzerkonten',
          })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Benutzerkonten' }).waitFor();
        await page.getByText('2 Konten gefunden').waitFor();
        await check(page, viewport, 'users');
        await page.getByRole('button', { name: 'Neues Konto' }).click();
        await page.locator('#new-user-username').fill(EMPLOYEE.username);
        await page.locator('#new-user-displayName').fill(EMPLOYEE.displayName);
        await page.locator('#new-user-departmentCode').selectOption({ label: '32 – Ordnungsamt' });
        await check(page, viewport, 'users-new');
        await page.getByRole('button', { name: 'Konto anlegen' }).click();
        await page.getByRole('heading', { level: 1, name: EMPLOYEE.displayName }).waitFor();
        await page.getByText(`Das Konto von ${EMPLOYEE.displayName} wurde angelegt.`).waitFor();
        const userPath = new URL(page.url()).pathname;
        expect(userPath).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);

        // No password from the administrator: the activation link is shown once, to hand over.
        await page
          .getByRole('heading', { name: `Aktivierungslink für ${EMPLOYEE.displayName}` })
          .waitFor();
        await page.getByText('Wie geht es weiter?').waitFor();
        const activationUrl = await page
          .getByLabel('Aktivierungslink', { exact: true })
          .inputValue();
        expect(activationUrl).toMatch(/\/activate#token=[A-Za-z0-9_-]{43}$/);
        await check(page, viewport, 'user-activation-link');

        // `field` and `registrar` both wait for a second administrator.
        await page.getByLabel('Rolle', { exact: true }).selectOption('field');
        await page.getByText('Eine zweite Person muss bestätigen', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Rolle vergeben' }).click();
        await page
          .getByText('Die Rolle Außendienst für Erika Mustermann wartet auf die Bestätigung')
          .waitFor();
        await page.getByLabel('Rolle', { exact: true }).selectOption('registrar');
        await page.getByText('Eine zweite Person muss bestätigen', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Rolle vergeben' }).click();
        await page
          .getByText('Die Rolle Registerstelle für Erika Mustermann wartet auf die Bestätigung')
          .waitFor();
        const registrarRow = page.locator('tr[data-role="registrar"]');
        expect(await registrarRow.textContent()).toContain('Wartet auf Bestätigung');
        expect(await registrarRow.textContent()).toContain('Von Ihnen vergeben');
        expect(await page.locator('tr[data-role="field"]').textContent()).toContain(
          'Wartet auf Bestätigung',
        );
        // the link is shown once: after reloading the page, only a new one can be issued
        await page.reload();
        await page.getByRole('button', { name: 'Neuen Aktivierungslink ausstellen' }).waitFor();
        expect(await page.getByLabel('Aktivierungslink', { exact: true }).count()).toBe(0);
        await check(page, viewport, 'user');

        // A lost phone: the administrator revokes the employee's authenticator app.
        const employeeId = userPath.split('/').pop()!;
        await insertFactor({
          db: server.database.db,
          factor: {
            userId: employeeId,
            kind: 'totp',
            label: 'Diensthandy',
            secret: 'not used by this journey',
            createdAt: new Date(),
            confirmedAt: new Date(),
          },
        });
        await page.reload();
        await page.getByRole('heading', { level: 1, name: EMPLOYEE.displayName }).waitFor();
        await page.getByText('Diensthandy (Authenticator-App)').waitFor();
        await page.getByRole('button', { name: '„Diensthandy“ sperren' }).click();
        const factorDialog = page.getByRole('dialog', { name: 'Faktor sperren' });
        await factorDialog
          .getByText('Alle Sitzungen von Erika Mustermann werden beendet')
          .waitFor();
        await check(page, viewport, 'user-factor-dialog');
        await factorDialog.getByRole('button', { name: 'Faktor sperren' }).click();
        await page
          .getByText(
            '„Diensthandy“ von Erika Mustermann wurde gesperrt; alle Sitzungen wurden beendet.',
          )
          .waitFor();
        await page.getByText('Kein zweiter Faktor eingerichtet.').waitFor();

        // Disabling asks for a reason in a dialog; cancelling changes nothing.
        await page.getByRole('button', { name: 'Konto sperren' }).click();
        const dialog = page.getByRole('dialog', { name: 'Konto sperren' });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Konto sperren' }).click();
        await dialog.getByText('Bitte geben Sie eine Begründung').waitFor();
        await check(page, viewport, 'user-disable-dialog');
        await dialog.getByRole('button', { name: 'Abbrechen' }).click();
        await dialog.waitFor({ state: 'hidden' });

        // The pending grant is in the queue; its granter cannot confirm it.
        await page
          .getByRole('navigation', { name: 'Verwaltung' })
          .getByRole('link', {
            name: 'Bestätigungen und Rezertifizierung',
          })
          .click();
        await page
          .getByRole('heading', { level: 1, name: 'Bestätigungen und Rezertifizierung' })
          .waitFor();
        const pending = page.locator('section', { has: page.locator('#pending-title') });
        await pending.getByRole('link', { name: EMPLOYEE.displayName }).first().waitFor();
        expect(await pending.getByRole('link', { name: EMPLOYEE.displayName }).count()).toBe(2);
        expect(await pending.getByRole('button', { name: /^Bestätigen/ }).count()).toBe(0);
        await check(page, viewport, 'grants');

        // CSV import: a dry run finds the error and applies nothing; a clean file is imported.
        await page.goto(`${server.origin}/admin/import`);
        await page.getByRole('heading', { level: 1, name: 'CSV-Import' }).waitFor();
        await check(page, viewport, 'import');
        const departmentsImport = page.locator('section', {
          has: page.locator('#import-departments-title'),
        });
        const csv = (body: string) => ({
          name: 'dienststellen.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`\uFEFF${HEADER}\n${body}`, 'utf8'),
        });
        const HEADER = 'code;name;parent_code;contact;phone;lookup_authorised;lookup_reason';
        await departmentsImport
          .getByLabel('CSV-Datei')
          .setInputFiles(
            csv('50;Sozialamt;;;0221 221-5000;ja;\n51;Jugendamt;;;0221 221-5100;nein;'),
          );
        await departmentsImport.getByText('„dienststellen.csv“: 2 Datenzeilen.').waitFor();
        await departmentsImport.getByRole('button', { name: 'Probelauf' }).click();
        await departmentsImport.getByText('1 Fehler gefunden').waitFor();
        expect(
          await departmentsImport
            .getByRole('button', { name: 'Importieren' })
            .getAttribute('aria-disabled'),
        ).toBe('true');
        await check(page, viewport, 'import-errors');
        await departmentsImport
          .getByLabel('CSV-Datei')
          .setInputFiles(
            csv(
              '50;Sozialamt;;;0221 221-5000;ja;Hausbesuche im Allgemeinen Sozialdienst\n51;Jugendamt;;;0221 221-5100;nein;',
            ),
          );
        await departmentsImport.getByRole('button', { name: 'Probelauf' }).click();
        await departmentsImport.getByText('Probelauf ohne Fehler').waitFor();
        await departmentsImport.getByRole('button', { name: 'Importieren' }).click();
        await departmentsImport.getByText('Import abgeschlossen').waitFor();
        await check(page, viewport, 'import-applied');

        // The employee opens the link and sets their own password (a public page).
        const employeePage = await third.newPage();
        pageErrors.push(...watchPageErrors(employeePage));
        // (the test server's public address has no real port: open the same path and fragment)
        const link = new URL(activationUrl);
        await employeePage.goto(`${server.origin}${link.pathname}${link.hash}`);
        await employeePage.getByRole('heading', { level: 1, name: 'Konto aktivieren' }).waitFor();
        // the token leaves the address bar at once
        expect(new URL(employeePage.url()).hash).toBe('');
        await employeePage.getByRole('button', { name: 'Passwort festlegen' }).click();
        await employeePage.locator('#password-error').waitFor();
        expect(await employeePage.getByLabel('Neues Passwort').getAttribute('aria-invalid')).toBe(
          'true',
        );
        await check(employeePage, viewport, 'activation-errors');
        await employeePage.getByLabel('Neues Passwort').fill(EMPLOYEE_PASSWORD);
        await employeePage.getByLabel('Passwort wiederholen').fill(EMPLOYEE_PASSWORD);
        await check(employeePage, viewport, 'activation');
        await employeePage.getByRole('button', { name: 'Passwort festlegen' }).click();
        await employeePage.getByText('Ihr Passwort ist gesetzt.').waitFor();

        // The second administrator confirms; the account then shows registrar active.
        await signInAs(page2, server, ADMIN_2);
        await page2.goto(`${server.origin}/admin/grants`);
        const pending2 = page2.locator('section', { has: page2.locator('#pending-title') });
        await pending2
          .getByRole('button', { name: `Bestätigen: Außendienst für ${EMPLOYEE.displayName}` })
          .click();
        await page2
          .getByText('Die Rolle Außendienst für Erika Mustermann ist bestätigt und jetzt aktiv.')
          .waitFor();
        await pending2
          .getByRole('button', { name: `Bestätigen: Registerstelle für ${EMPLOYEE.displayName}` })
          .click();
        await page2
          .getByText('Die Rolle Registerstelle für Erika Mustermann ist bestätigt und jetzt aktiv.')
          .waitFor();
        await page2.getByText('Keine Rollenvergabe wartet auf eine Bestätigung.').waitFor();
        await check(page2, viewport, 'grants-confirmed');

        await page2.goto(`${server.origin}${userPath}`);
        await page2.getByRole('heading', { level: 1, name: EMPLOYEE.displayName }).waitFor();
        const confirmed = page2.locator('tr[data-role="registrar"]');
        expect(await confirmed.textContent()).toContain('Aktiv');
        expect(await confirmed.textContent()).toContain(ADMIN_1.displayName);
        expect(await confirmed.textContent()).toContain(ADMIN_2.displayName);
        await check(page2, viewport, 'user-confirmed');

        // The search finds the account by part of its name, with its roles.
        await page2.goto(`${server.origin}/admin/users?q=erika`);
        await page2.getByText('1 Konto gefunden').waitFor();
        const row = page2.getByRole('row', { name: new RegExp(EMPLOYEE.displayName) });
        expect(await row.textContent()).toContain('Registerstelle');
        expect(await row.textContent()).toContain('Außendienst');
        await check(page2, viewport, 'users-search');

        // Disabling the other administrator needs a second person: it becomes a request that
        // the other administrator sees on the confirmations page and may decline.
        await page.goto(`${server.origin}/admin/users?q=alex`);
        await page.getByRole('link', { name: ADMIN_2.displayName }).click();
        await page.getByRole('heading', { level: 1, name: ADMIN_2.displayName }).waitFor();
        await page.getByRole('button', { name: 'Konto sperren' }).click();
        const disableDialog = page.getByRole('dialog', { name: 'Konto sperren' });
        await disableDialog.getByLabel('Begründung').fill('Wechsel in ein anderes Amt');
        await disableDialog.getByRole('button', { name: 'Konto sperren' }).click();
        await page.getByText(`Die Sperrung von ${ADMIN_2.displayName} ist beantragt.`).waitFor();
        await page.getByText('Sperrung beantragt – wartet auf eine zweite Person').waitFor();
        await check(page, viewport, 'user-disable-requested');

        await page2.goto(`${server.origin}/admin/grants`);
        const requests = page2.locator('section', { has: page2.locator('#status-requests-title') });
        await requests.getByRole('link', { name: ADMIN_2.displayName }).waitFor();
        await check(page2, viewport, 'status-requests');
        await requests
          .getByRole('button', { name: `Sperren ablehnen: ${ADMIN_2.displayName}` })
          .click();
        const declineDialog = page2.getByRole('dialog');
        await declineDialog.getByLabel('Begründung').fill('bleibe bis Monatsende');
        await declineDialog.getByRole('button', { name: 'Ablehnen' }).click();
        await requests.getByText('Kein Antrag wartet auf eine Bestätigung.').waitFor();

        expect(pageErrors).toEqual([]);
      } finally {
        await first.close();
        await second.close();
        await third.close();
        await server.close();
      }
    },
    360_000,
  );

  it('an employee without the abilities finds no administration', async () => {
    const server = await startServer();
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    try {
      await setUpFirstAdmin(page, server, ADMIN_1);
      const reporter = {
        displayName: 'Rita Reporter',
        username: 'rita.reporter',
        password: 'ein ganz anderer langer Satz',
      };
      await createAccount(server, { ...reporter, roles: ['reporter'] });
      await signInAs(page, server, reporter);
      expect(await page.getByTestId('admin-links').count()).toBe(0);
      await page.goto(`${server.origin}/admin/users`);
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    } finally {
      await context.close();
      await server.close();
    }
  });
});
