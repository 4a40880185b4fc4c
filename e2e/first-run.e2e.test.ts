import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { startServer } from './support/server';

const ADMIN = {
  displayName: 'Kim Muster',
  username: 'kim.muster',
  password: 'ein langer Satz als Passwort',
};

describe.skipIf(skipBrowser)(browserSuiteName('first run in the browser'), () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s the first administrator sets up ZeMAG, signs in, sees what they may do and signs out',
    async (viewport) => {
      const server = await startServer();
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        // The setup link: the token leaves the address bar at once.
        await page.goto(await server.issueSetupLink());
        await page.getByRole('heading', { level: 1, name: 'Ersteinrichtung' }).waitFor();
        expect(new URL(page.url()).hash).toBe('');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
        await page.getByLabel('Anzeigename').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await snap(page, `${viewport}-setup`);

        // The browser checks the repeated password; the server checks the user name.
        await page.getByLabel('Anzeigename').fill(ADMIN.displayName);
        await page.getByLabel('Benutzername').fill('kim muster');
        await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
        await page.getByLabel('Passwort wiederholen').fill(`${ADMIN.password}!`);
        await page.getByRole('button', { name: 'Administrationskonto anlegen' }).click();
        await page
          .locator('#passwordRepeat-error', {
            hasText: 'Die beiden Passwörter stimmen nicht überein.',
          })
          .waitFor();

        await page.getByLabel('Passwort wiederholen').fill(ADMIN.password);
        await page.getByRole('button', { name: 'Administrationskonto anlegen' }).click();
        await page
          .locator('#username-error', { hasText: 'Erlaubt sind Kleinbuchstaben, Ziffern' })
          .waitFor();
        expect(await page.getByLabel('Benutzername').getAttribute('aria-invalid')).toBe('true');
        expect(await seriousViolations(page)).toEqual([]);
        await snap(page, `${viewport}-setup-errors`);

        await page.getByLabel('Benutzername').fill(ADMIN.username);
        await page.getByRole('button', { name: 'Administrationskonto anlegen' }).click();

        // Sign-in, with the notice that the account exists.
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/sign-in');
        await page.getByText('Das Administrationskonto wurde angelegt.').waitFor();
        // What comes next: a second administrator (four-eyes) and the departments, with links.
        const next = page.getByTestId('setup-next');
        await next.getByText('zweites Administrationskonto', { exact: false }).waitFor();
        expect(
          await next.getByRole('link', { name: 'Zu den Benutzerkonten' }).getAttribute('href'),
        ).toBe('/admin/users');
        expect(
          await next.getByRole('link', { name: 'Zu den Dienststellen' }).getAttribute('href'),
        ).toBe('/admin/departments');
        expect(await seriousViolations(page)).toEqual([]);
        await snap(page, `${viewport}-sign-in`);

        // A wrong password is announced in German.
        await page.getByLabel('Benutzername').fill(ADMIN.username);
        await page.getByLabel('Passwort').fill('das ist nicht das Passwort');
        await page.getByRole('button', { name: 'Anmelden' }).click();
        const alert = page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain('Benutzername oder Passwort ist falsch.');
        expect(await seriousViolations(page)).toEqual([]);
        await snap(page, `${viewport}-sign-in-failed`);

        // The right one leads home: name, roles, and the abilities the server computed.
        await page.getByLabel('Passwort').fill(ADMIN.password);
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await page
          .getByRole('heading', { level: 1, name: `Guten Tag, ${ADMIN.displayName}` })
          .waitFor();
        expect(new URL(page.url()).pathname).toBe('/');
        const abilities = page.getByTestId('abilities');
        expect(await abilities.textContent()).toContain('Benutzerkonten und Rollen verwalten');
        expect(await abilities.textContent()).toContain('Vorfälle melden');
        expect(await abilities.textContent()).not.toContain('Register abfragen');
        // Only functions that exist: the settings come later and are not promised.
        expect(await abilities.textContent()).not.toContain('Einstellungen verwalten');
        expect(await page.getByText('Administration', { exact: true }).count()).toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        await snap(page, `${viewport}-home`);

        // A reload keeps the session (HttpOnly cookie), nothing about it sits in storage.
        await page.reload();
        await page
          .getByRole('heading', { level: 1, name: `Guten Tag, ${ADMIN.displayName}` })
          .waitFor();
        const stored = await page.evaluate(() => Object.keys(localStorage));
        expect(stored.filter((key) => key !== 'zemag.language')).toEqual([]);

        // Sign-out ends the session on the server.
        await page.getByRole('button', { name: 'Abmelden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        await page.getByText('Sie haben sich abgemeldet.').waitFor();
        await page.goto(`${server.origin}/`);
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(0);

        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    },
  );
});
