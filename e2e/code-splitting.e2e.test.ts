import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs, type Credentials } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import type { TestServer } from './support/server';

const PASSWORD = 'ein langer Satz als Passwort';
const FIELD: Credentials = {
  username: 'f.aussen',
  displayName: 'Frieda Außen',
  password: PASSWORD,
};
const REGISTRAR: Credentials = {
  username: 'r.stelle',
  displayName: 'Rainer Stelle',
  password: PASSWORD,
};

interface ViteChunk {
  file: string;
  src?: string;
  isDynamicEntry?: boolean;
}

/** The built chunks of a part of the app, by the folder of the module that starts it. */
function chunksOf(folder: RegExp): string[] {
  const manifestFile = path.resolve(import.meta.dirname, '../apps/web/dist/.vite/manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ViteChunk>;
  return Object.values(manifest)
    .filter((chunk) => chunk.isDynamicEntry && chunk.src && folder.test(chunk.src))
    .map((chunk) => `/${chunk.file}`);
}

/** Every script and style the context fetched (pages and service worker alike). */
function recordRequests(context: BrowserContext): string[] {
  const paths: string[] = [];
  context.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/** The paths the service worker keeps for offline use. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

async function openPage(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describe.skipIf(skipBrowser)(browserSuiteName('code split by role'), () => {
  let browser: Browser;
  let server: TestServer;
  const officeChunks = chunksOf(
    /^src\/(features\/(admin|audit|records|review|listings|persons|statistics|subject-requests)\/|features\/home\/registrar-panels|i18n\/parts\/)/,
  );

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createAccount(server, { ...FIELD, roles: ['reporter', 'field'] });
    await createAccount(server, { ...REGISTRAR, roles: ['reporter', 'registrar'] });
  });

  afterAll(() => closeBrowserAndServer(browser, server));

  it("a field employee's phone never downloads the registrars' or the administration's code", async () => {
    // The three parts' code, the registrars' start-page panels and the three German text parts.
    expect(officeChunks.length).toBeGreaterThanOrEqual(7);
    const context = await newContext(browser, 'phone');
    try {
      const requested = recordRequests(context);
      const page = await context.newPage();
      await signInAs(page, server, FIELD);
      for (const pagePath of ['/reports/new', '/reports', '/lookup', '/visits', '/']) {
        await openPage(page, `${server.origin}${pagePath}`);
      }
      // The service worker has cached what the field app needs offline, and nothing else.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect.poll(() => cachedPaths(page)).toContain('/index.html');
      const cached = await cachedPaths(page);

      expect(requested.filter((file) => officeChunks.includes(file))).toEqual([]);
      expect(cached.filter((file) => officeChunks.includes(file))).toEqual([]);
      // The field parts themselves were loaded, and kept for offline use.
      for (const fieldChunk of chunksOf(/^src\/features\/(incidents|lookup)\/.*\.routes\.tsx$/)) {
        expect(requested).toContain(fieldChunk);
        expect(cached).toContain(fieldChunk);
      }
    } finally {
      await context.close();
    }
  });

  it("a registrar's review queue loads the review code when it is opened", async () => {
    const context = await newContext(browser, 'phone');
    try {
      const requested = recordRequests(context);
      const page = await context.newPage();
      await signInAs(page, server, REGISTRAR);
      const reviewChunks = chunksOf(/^src\/features\/review\/review\.routes\.tsx$/);
      expect(requested.filter((file) => reviewChunks.includes(file))).toEqual([]);
      await openPage(page, `${server.origin}/review`);
      expect(requested).toEqual(expect.arrayContaining(reviewChunks));
    } finally {
      await context.close();
    }
  });
});
