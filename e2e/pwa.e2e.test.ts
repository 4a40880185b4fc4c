import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  browserSuiteName,
  hasChromium,
  launchBrowser,
  newContext,
  skipBrowser,
} from './support/browser';
import { snap } from './support/screenshot';
import { startServer, type TestServer } from './support/server';

describe.skipIf(skipBrowser)(browserSuiteName('installable app'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves a manifest with name, start URL and icons', async () => {
    const response = await fetch(`${server.origin}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'ZeMAG – Melde- und Auskunftssystem',
      short_name: 'ZeMAG',
      lang: 'de',
      display: 'standalone',
      start_url: '/',
    });
    const icons = manifest.icons as { src: string; sizes: string; purpose?: string }[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of icons) {
      const image = await fetch(new URL(icon.src, server.origin));
      expect(image.headers.get('content-type')).toBe('image/png');
    }
  });

  it('registers a service worker that precaches the shell and no API answer', async () => {
    const context = await newContext(browser, 'phone');
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      const scriptUrl = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.scriptURL ?? '';
      });
      expect(new URL(scriptUrl).pathname).toBe('/sw.js');

      const sw = await (await fetch(`${server.origin}/sw.js`)).text();
      expect(sw).toContain('index.html');
      // The precache lists shell files only; no API answer is ever cached (checked below).
      expect(sw).not.toMatch(/url:\s*["'`]\/?api\//);

      // Offline, the shell still starts and says the server cannot be reached.
      await page.reload();
      await page.evaluate(() => navigator.serviceWorker.ready);
      await context.setOffline(true);
      await page.reload();
      await page.getByText('Der Server ist nicht erreichbar.').waitFor();
      // An API address asked for offline is not answered from any cache.
      expect(
        await page.evaluate(() =>
          fetch('/api/v1/session').then(
            (response) => `answered ${response.status}`,
            () => 'failed',
          ),
        ),
      ).toBe('failed');
      expect(await page.evaluate(async () => (await caches.keys()).join(','))).toMatch(
        /^workbox-precache-v2-[^,]*$/,
      );
    } finally {
      await context.close();
    }
  });

  it('a first visit draws with the system font and fetches no web font; once cached, Fira Sans', async () => {
    const context = await newContext(browser, 'phone');
    try {
      // Fonts the page itself asks for (the service worker's precache asks for them too).
      const pageFontRequests: string[] = [];
      context.on('request', (request) => {
        if (request.resourceType() === 'font' && !request.serviceWorker())
          pageFontRequests.push(new URL(request.url()).pathname);
      });
      const page = await context.newPage();
      await page.goto(`${server.origin}/sign-in`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const fontOf = () =>
        page.evaluate(() => ({
          cached: document.documentElement.classList.contains('zm-fonts'),
          family: getComputedStyle(document.querySelector('h1') ?? document.body).fontFamily,
        }));
      const first = await fontOf();
      expect(first.cached).toBe(false);
      expect(first.family).not.toContain('Fira Sans');
      expect(pageFontRequests).toEqual([]);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      const next = await fontOf();
      expect(pageFontRequests.length).toBeGreaterThan(0);
      expect(next.cached).toBe(true);
      expect(next.family).toContain('Fira Sans');
      expect(await page.evaluate(() => document.fonts.check('16px "Fira Sans"'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('switches to English, remembers the choice and sets the page language', async () => {
    const context = await newContext(browser, 'phone');
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.origin}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

      // The first Tab reaches the skip link, which leads into the main landmark.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Zum Inhalt springen',
      );
      await snap(page, '360-skip-link');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.title()).toBe('Sign in – ZeMAG');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
