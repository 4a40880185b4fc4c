import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';
import { snap } from './screenshot';

/** Collects Content-Security-Policy violations and uncaught errors of a page. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** True when the page is wider than the viewport (a horizontal scroll bar on a phone). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The page is accessible (no serious axe finding), fits the screen, and is kept as a screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await overflowsHorizontally(page)).toBe(false);
  await snap(page, name);
}
