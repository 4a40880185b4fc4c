import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const dir = process.env.E2E_SCREENSHOT_DIR;

/** Saves a full-page screenshot when E2E_SCREENSHOT_DIR is set (for looking at the pages). */
export async function snap(page: Page, name: string): Promise<void> {
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
