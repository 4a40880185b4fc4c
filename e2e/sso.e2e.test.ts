import net from 'node:net';
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
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider';
import { overflowsHorizontally, watchPageErrors } from './support/page-checks';
import { snap } from './support/screenshot';
import { startServer, type TestServer } from './support/server';

/** A free loopback port, so ZeMAG's public URL (and thus its callback) is known before it starts. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(skipBrowser)(browserSuiteName('single sign-on in the browser'), () => {
  let browser: Browser;
  let provider: TestOidcProvider;
  let server: TestServer;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    // The provider runs as `localhost`: another site than ZeMAG on 127.0.0.1, as in real life.
    provider = await startOidcProvider({
      redirectUri: `${origin}/api/v1/sso/callback`,
      host: 'localhost',
    });
    server = await startServer({
      env: {
        ...provider.env,
        PORT: String(port),
        ZEMAG_PUBLIC_URL: origin,
        ZEMAG_MFA_REQUIRED_ROLES: '',
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s an employee signs in with the organisation account and lands in ZeMAG',
    async (viewport) => {
      const subject = `e2e-${viewport}`;
      provider.accounts.set(subject, {
        preferred_username: `jana.sso.${viewport}`,
        name: `Jana Dienstkonto ${viewport}`,
      });
      const context = await newContext(browser, viewport);
      // The provider's development pages load a web font from the internet; there is none here.
      await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await page.goto(`${server.origin}/sign-in`);
        const button = page.getByRole('link', { name: 'Mit Dienstkonto anmelden' });
        await button.waitFor();
        expect(await page.getByLabel('Benutzername').isVisible()).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        await snap(page, `${viewport}-sso-sign-in`);

        const started = performance.now();
        await button.click();
        await page.waitForURL((url) => url.origin === provider.issuer);
        await page.locator('input[name="login"]').fill(subject);
        await page.locator('input[name="password"]').fill('egal');
        await snap(page, `${viewport}-sso-provider-login`);
        await page.getByRole('button', { name: 'Sign-in' }).click();
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.waitForURL((url) => url.origin === server.origin && url.pathname === '/');
        await page.getByText(`Jana Dienstkonto ${viewport}`).first().waitFor();
        const roundTripMs = Math.round(performance.now() - started);
        console.log(`sso round trip (${viewport}): ${roundTripMs} ms`);
        await snap(page, `${viewport}-sso-home`);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('explains a failed sign-in and removes the code from the address', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/sign-in?sso_error=sso.expired`);
      await page.getByRole('alert').getByText('Die Anmeldung hat zu lange gedauert').waitFor();
      expect(new URL(page.url()).search).toBe('');
      expect(await seriousViolations(page)).toEqual([]);
      await snap(page, 'phone-sso-error');
    } finally {
      await context.close();
    }
  });

  it('after single sign-on the app returns to the page that was asked for', async () => {
    provider.accounts.set('e2e-return', {
      preferred_username: 'jana.sso.return',
      name: 'Jana Dienstkonto Rückkehr',
    });
    const context = await newContext(browser, 'phone');
    await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
    const page = await context.newPage();
    try {
      // Not signed in, the requested page shows the sign-in; the provider sends back to `/`.
      await page.goto(`${server.origin}/security`);
      await page.getByRole('link', { name: 'Mit Dienstkonto anmelden' }).click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.locator('input[name="login"]').fill('e2e-return');
      await page.locator('input[name="password"]').fill('egal');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL((url) => url.origin === server.origin && url.pathname === '/security');
      await page.getByRole('heading', { level: 1, name: 'Sicherheit' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
