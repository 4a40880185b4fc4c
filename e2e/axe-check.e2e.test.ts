import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { browserSuiteName, launchBrowser, newContext, skipBrowser } from './support/browser';

/** The accessibility check every journey relies on finds what it must (so a green page means something). */
describe.skipIf(skipBrowser)(browserSuiteName('the accessibility check'), () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('names an image without text, a button without a name and grey-on-white text', async () => {
    const page = await (await newContext(browser, 'phone')).newPage();
    await page.setContent(`<!doctype html><html lang="de"><head><title>Probe</title></head>
      <body><main><h1>Probe</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <button></button>
      <p style="color:#bbb;background:#fff">kaum lesbar</p>
      </main></body></html>`);
    const found = (await seriousViolations(page)).map((v) => v.split(' ')[0]);
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'button-name', 'color-contrast']));
  });

  it('finds nothing on a page that is in order', async () => {
    const page = await (await newContext(browser, 'desktop')).newPage();
    await page.setContent(`<!doctype html><html lang="de"><head><title>Probe</title></head>
      <body><main><h1>Probe</h1><p>Gut lesbar.</p><button>Senden</button></main></body></html>`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
