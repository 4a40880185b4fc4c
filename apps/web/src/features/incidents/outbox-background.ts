/**
 * Background Sync of the report outbox: the page asks the service worker to send waiting
 * reports once the device is online again — also when the app was closed in the meantime.
 * The page still sends on its own (app start, `online`, every 30 s): Background Sync is not
 * available in every browser (Safari, Firefox), so it only adds to that.
 */

/** The sync tag the service worker answers to. */
export const OUTBOX_SYNC_TAG = 'zemag-outbox';

/** The channel on which the service worker tells open pages that the outbox changed. */
export const OUTBOX_CHANNEL = 'zemag-outbox';

/** The Web Lock that keeps two tabs (or a tab and the service worker) from sending at once. */
export const OUTBOX_LOCK = 'zemag-outbox-flush';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Asks for a Background Sync where the browser has it; silently nothing elsewhere. */
export async function requestBackgroundSync(
  container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker,
): Promise<boolean> {
  if (!container) return false;
  try {
    const registration = await Promise.race([
      container.ready,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2_000)),
    ]);
    const sync = (registration as { sync?: SyncManagerLike } | undefined)?.sync;
    if (!sync) return false;
    await sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    // Not allowed (e.g. permission policy) or no service worker: the page sends itself.
    return false;
  }
}

/** Runs `work` under the outbox lock where Web Locks exist (pages and workers). */
export function exclusiveOutbox<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request(OUTBOX_LOCK, () => work()) as Promise<T>;
}
