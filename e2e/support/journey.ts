import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, hasChromium, launchBrowser } from './browser';
import { type TestServer, startServer } from './server';

/** Chromium and a fresh server, started side by side; in CI a missing Chromium fails here. */
export async function startBrowserAndServer(
  options?: Parameters<typeof startServer>[0],
): Promise<[Browser, TestServer]> {
  if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
  return Promise.all([launchBrowser(), startServer(options)]);
}

/** Closes what `startBrowserAndServer` started, also when it got only half-way. */
export async function closeBrowserAndServer(
  browser: Browser | undefined,
  server: TestServer | undefined,
): Promise<void> {
  await browser?.close();
  await server?.close();
}
