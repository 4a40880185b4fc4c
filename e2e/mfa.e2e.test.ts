import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../apps/api/src/modules/mfa/totp.ts';
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
import { startServer, type TestServer } from './support/server';

const PASSWORD = 'ein langer Satz als Passwort';

async function createAdmin(server: TestServer, username: string) {
  await server.database.db.transaction((tx) =>
    server.services.users.createUser({
      tx,
      username,
      displayName: 'Kim Muster',
      password: PASSWORD,
      departmentId: null,
      roles: ['admin'],
      actor: null,
    }),
  );
}

async function signInWithPassword(page: Page, origin: string, username: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Chromium's virtual authenticator: a platform passkey with user verification, like a phone. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await overflowsHorizontally(page)).toBe(false);
}

describe.skipIf(skipBrowser)(browserSuiteName('second factor in the browser'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    [browser, server] = await Promise.all([
      launchBrowser(),
      startServer({
        localhost: true,
        env: { ZEMAG_MFA_REQUIRED_ROLES: 'field,registrar,dpo,control_room,admin' },
      }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s an administrator enrols a passkey at the first sign-in and signs in with it afterwards',
    async (viewport) => {
      const username = `kim.passkey.${viewport}`;
      await createAdmin(server, username);
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);
        const started = Date.now();
        await signInWithPassword(page, server.origin, username);

        await page.getByRole('heading', { level: 1, name: 'Zweiten Faktor einrichten' }).waitFor();
        await expectAccessible(page);
        await snap(page, `${viewport}-mfa-enrol`);

        await page.getByRole('button', { name: 'Passkey einrichten' }).click();
        await page.getByRole('heading', { name: 'Wiederherstellungscodes' }).waitFor();
        expect(await page.locator('.zm-recovery__code').count()).toBe(10);
        await expectAccessible(page);
        await snap(page, `${viewport}-mfa-recovery-codes`);

        // A reload does not skip the confirmation: the codes are not shown again, new ones are.
        const shown = await page.locator('.zm-recovery__code').allInnerTexts();
        await page.reload();
        await page
          .getByRole('heading', { level: 1, name: 'Wiederherstellungscodes aufbewahren' })
          .waitFor();
        await expectAccessible(page);
        await page.getByRole('button', { name: 'Neue Codes erzeugen' }).click();
        await page.getByRole('heading', { name: 'Wiederherstellungscodes', exact: true }).waitFor();
        const renewed = await page.locator('.zm-recovery__code').allInnerTexts();
        expect(renewed).toHaveLength(10);
        expect(renewed.some((code) => shown.includes(code))).toBe(false);

        // The codes must be confirmed as kept before going on.
        await page.getByRole('button', { name: 'Weiter zu ZeMAG' }).click();
        await page
          .getByText('Bitte bestätigen Sie, dass Sie die Codes aufbewahrt haben.')
          .waitFor();
        await page.getByLabel('Ich habe die Codes sicher aufbewahrt').check();
        await page.getByRole('button', { name: 'Weiter zu ZeMAG' }).click();
        await page.getByRole('heading', { level: 1, name: 'Guten Tag, Kim Muster' }).waitFor();
        const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
        expect(credentials).toHaveLength(1);

        await page.getByRole('button', { name: 'Abmelden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

        const again = Date.now();
        await signInWithPassword(page, server.origin, username);
        await page.getByRole('heading', { level: 1, name: 'Zweiter Faktor' }).waitFor();
        await expectAccessible(page);
        await snap(page, `${viewport}-mfa-verify`);
        await page.getByRole('button', { name: 'Mit Passkey bestätigen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Guten Tag, Kim Muster' }).waitFor();
        console.log(
          `[mfa] ${viewport}: first sign-in + passkey enrolment ${again - started} ms (incl. checks), sign-in + passkey ${Date.now() - again} ms`,
        );

        // Sicherheit: the passkey is listed.
        await page.goto(`${server.origin}/security`);
        await page.getByRole('heading', { level: 1, name: 'Sicherheit' }).waitFor();
        await page.getByText('Noch 10 unbenutzte Codes.').waitFor();
        await expectAccessible(page);
        await snap(page, `${viewport}-mfa-security`);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s an administrator enrols an authenticator app with the code it shows',
    async (viewport) => {
      const username = `kim.app.${viewport}`;
      await createAdmin(server, username);
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInWithPassword(page, server.origin, username);
        await page.getByRole('button', { name: 'Authenticator-App einrichten' }).click();
        await page.getByRole('img', { name: 'QR-Code für die Authenticator-App' }).waitFor();
        const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
        expect(secret).toMatch(/^[A-Z2-7]{32}$/);
        const field = page.getByLabel('Code aus der App');
        expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
        expect(await field.getAttribute('inputmode')).toBe('numeric');
        await expectAccessible(page);
        await snap(page, `${viewport}-mfa-totp`);

        await field.fill('000000');
        await page.getByRole('button', { name: 'Bestätigen' }).click();
        await page.locator('#totp-code-error').waitFor();
        await page.getByLabel('Code aus der App').fill(totpCode(secret, new Date()));
        await page.getByRole('button', { name: 'Bestätigen' }).click();
        await page.getByRole('heading', { name: 'Wiederherstellungscodes' }).waitFor();
        await page.getByLabel('Ich habe die Codes sicher aufbewahrt').check();
        await page.getByRole('button', { name: 'Weiter zu ZeMAG' }).click();
        await page.getByRole('heading', { level: 1, name: 'Guten Tag, Kim Muster' }).waitFor();
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
