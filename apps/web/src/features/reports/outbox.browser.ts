import { createIncidentSender } from './incident-sender';
import { type Outbox, createOutbox } from './outbox';
import { createIdbOutboxStore } from './outbox-idb';

let instance: Outbox | undefined;

/** Web Locks keep two tabs from sending the same entry at the same moment (where available). */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request('zemag-outbox-flush', () => work()) as Promise<T>;
}

/** The outbox of this browser: IndexedDB, WebCrypto, fetch. One per page. */
export function browserOutbox(): Outbox {
  instance ??= createOutbox({
    store: createIdbOutboxStore(),
    send: createIncidentSender((input, init) => fetch(input, init)),
    exclusive,
  });
  return instance;
}
