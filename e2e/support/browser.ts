import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Chromium from the system; browser downloads do not work on the build machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = fs.existsSync(CHROMIUM_PATH);

/** In CI a missing browser is a failure, not a reason to skip. */
export const mustRunBrowser = process.env.CI === 'true';

/** True when the suite should be skipped (no Chromium and not in CI). */
export const skipBrowser = !hasChromium && !mustRunBrowser;

/** The describe name says why the journeys are skipped, in one line. */
export function browserSuiteName(name: string): string {
  return skipBrowser ? `${name} (skipped: no Chromium at ${CHROMIUM_PATH})` : name;
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile with the viewport of a phone or a desktop, German as the locale. */
export function newContext(browser: Browser, viewport: ViewportName): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORTS[viewport],
    locale: 'de-DE',
    ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
}
