import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoService } from '../apps/api/src/modules/demo/demo.service.ts';
import { DEMO_USERS } from '../apps/api/src/modules/demo/demo.data.ts';
import { seriousViolations } from './support/axe';
import {
  CHROMIUM_PATH,
  browserSuiteName,
  hasChromium,
  launchBrowser,
  newContext,
  skipBrowser,
} from './support/browser';
import { overflowsHorizontally, watchPageErrors } from './support/page-checks';
import { snap } from './support/screenshot';
import { startServer, type TestServer } from './support/server';

describe.skipIf(skipBrowser)(browserSuiteName('the demo city in the browser'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    server = await startServer({ env: { ZEMAG_DEMO: '1' } });
    // What `ZEMAG_DEMO=1 npm start` does on an empty database before it listens.
    await createDemoService({ db: server.database.db, ...server.services }).seed();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a phone a visitor sees the demo banner and signs in as a registrar with one click', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    try {
      await page.goto(`${server.origin}/`);
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      const banner = page.getByRole('complementary', { name: 'Demo-Hinweis' });
      await banner.getByText('Demo — keine echten Daten').waitFor();

      // Every demo account is offered, each with its roles and its own button.
      const accounts = page.getByTestId('demo-accounts');
      await accounts.getByRole('button', { name: 'Anmelden als Aylin Demir' }).waitFor();
      expect(await accounts.getByRole('button').count()).toBe(DEMO_USERS.length);
      const registrar = accounts.getByRole('listitem').filter({ hasText: 'Aylin Demir' }).first();
      expect(await registrar.getByRole('list', { name: 'Rollen' }).innerText()).toContain(
        'Registerstelle',
      );
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await snap(page, 'phone-demo-sign-in');

      await accounts.getByRole('button', { name: 'Anmelden als Aylin Demir' }).click();
      await page.getByRole('heading', { level: 1, name: 'Guten Tag, Aylin Demir' }).waitFor();
      expect(await page.getByTestId('abilities').innerText()).toContain(
        'Eingegangene Meldungen prüfen',
      );
      expect(await page.getByRole('region', { name: 'Ihre Rollen' }).innerText()).toContain(
        'Registerstelle',
      );
      // No second factor was asked for, and the banner stays on every page.
      await banner.getByText('Demo — keine echten Daten').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await snap(page, 'phone-demo-home-registrar');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
