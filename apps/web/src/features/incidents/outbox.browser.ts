import { createIncidentSender } from './incident-sender';
import { type Outbox, createOutbox } from './outbox';
import { OUTBOX_CHANNEL, exclusiveOutbox, requestBackgroundSync } from './outbox-background';
import { createIdbOutboxStore } from './outbox-idb';

let instance: Outbox | undefined;

/**
 * The outbox of this browser: IndexedDB, WebCrypto, fetch. One per page. A report that could
 * not be sent asks for a Background Sync, and what the service worker sent shows up here at once.
 */
export function browserOutbox(): Outbox {
  if (instance) return instance;
  const outbox = createOutbox({
    store: createIdbOutboxStore(),
    send: createIncidentSender((input, init) => fetch(input, init)),
    exclusive: exclusiveOutbox,
  });
  const listeners = new Set<() => void>();
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(OUTBOX_CHANNEL).onmessage = () => listeners.forEach((l) => l());
  }
  instance = {
    ...outbox,
    async flush(ownerId) {
      const results = await outbox.flush(ownerId);
      // Not sent now (no connection, no session): the browser may send it later, also when
      // the app is closed by then. A report sent at once keeps its receipt on this page.
      if (results.some((r) => r.outcome.kind === 'retry')) void requestBackgroundSync();
      return results;
    },
    subscribe(listener) {
      listeners.add(listener);
      const unsubscribe = outbox.subscribe(listener);
      return () => {
        listeners.delete(listener);
        unsubscribe();
      };
    },
  };
  return instance;
}
