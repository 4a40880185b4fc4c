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

/** The innermost elements that reach past the right edge of the screen, to name in a failure. */
export function elementsPastTheEdge(page: Page, screenWidth?: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const edge = limit ?? window.innerWidth;
    const past = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > edge + 0.5,
    );
    return past
      .filter((element) => !past.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map(
        (element) =>
          `${element.outerHTML.slice(0, 160)} (right ${Math.round(element.getBoundingClientRect().right)})`,
      );
  }, screenWidth);
}

/** The page is accessible (no serious axe finding), fits the screen, and is kept as a screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  if (await overflowsHorizontally(page)) expect(await elementsPastTheEdge(page)).toEqual([]);
  expect(await overflowsHorizontally(page)).toBe(false);
  await snap(page, name);
}
