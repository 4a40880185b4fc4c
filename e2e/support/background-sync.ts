import type { BrowserContext, Page } from 'playwright-core';

/**
 * Denies Background Sync to the app in this browser context, as Safari and Firefox do not
 * have it: the page then sends the outbox by itself (app start, `online`, every 30 s), and a
 * journey that checks exactly that is not raced by the service worker.
 */
export async function denyBackgroundSync(
  context: BrowserContext,
  page: Page,
  origin: string,
): Promise<void> {
  const pageSession = await context.newCDPSession(page);
  const { targetInfo } = (await pageSession.send('Target.getTargetInfo')) as {
    targetInfo: { browserContextId?: string };
  };
  await pageSession.detach();
  const browser = context.browser();
  if (!browser) throw new Error('the context has no browser');
  // Chromium forgets the override when the session that set it detaches: keep it attached
  // (it ends with the browser).
  const session = await browser.newBrowserCDPSession();
  await session.send('Browser.setPermission', {
    permission: { name: 'background-sync' },
    setting: 'denied',
    origin,
    ...(targetInfo.browserContextId ? { browserContextId: targetInfo.browserContextId } : {}),
  });
}
