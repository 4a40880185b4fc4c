import type { Sealed } from './outbox-crypto';
import type { Arrival, OutboxStore, StoredEntry } from './outbox-store';

/** The IndexedDB database of the outbox: the key (and settings), the entries, the arrivals. */
export const OUTBOX_DB = 'zemag-outbox';
const VERSION = 2;
const KEYS = 'keys';
const ENTRIES = 'entries';
const ARRIVALS = 'arrivals';
const KEY_ID = 'outbox';
const OWNER_ID = 'owner';
const LANGUAGE_ID = 'language';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(OUTBOX_DB, VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS);
    if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(ARRIVALS)) db.createObjectStore(ARRIVALS, { keyPath: 'id' });
  };
  return request(req);
}

/**
 * The outbox in the browser's IndexedDB. The key is stored as a CryptoKey object (structured
 * clone keeps it non-extractable); the database is opened per operation and closed again, so
 * a wipe in another tab is never blocked by an idle connection.
 */
export function createIdbOutboxStore(factory: IDBFactory = indexedDB): OutboxStore {
  async function run<T>(
    stores: string[],
    mode: IDBTransactionMode,
    work: (tx: IDBTransaction) => Promise<T> | T,
  ): Promise<T> {
    const db = await open(factory);
    try {
      const tx = db.transaction(stores, mode);
      const finished = done(tx);
      const result = await work(tx);
      await finished;
      return result;
    } finally {
      db.close();
    }
  }

  return {
    loadKey: () =>
      run([KEYS], 'readonly', (tx) =>
        request(tx.objectStore(KEYS).get(KEY_ID) as IDBRequest<CryptoKey | undefined>),
      ),
    saveKeyIfAbsent: (key) =>
      // One transaction: two tabs starting at once end up with the same key.
      run([KEYS], 'readwrite', async (tx) => {
        const store = tx.objectStore(KEYS);
        const existing = (await request(store.get(KEY_ID))) as CryptoKey | undefined;
        if (existing) return existing;
        store.put(key, KEY_ID);
        return key;
      }),
    loadOwner: () =>
      run([KEYS], 'readonly', (tx) =>
        request(tx.objectStore(KEYS).get(OWNER_ID) as IDBRequest<Sealed | undefined>),
      ),
    saveOwner: (owner) =>
      run([KEYS], 'readwrite', (tx) => {
        tx.objectStore(KEYS).put(owner, OWNER_ID);
      }),
    all: () =>
      run([ENTRIES], 'readonly', (tx) =>
        request(tx.objectStore(ENTRIES).getAll() as IDBRequest<StoredEntry[]>),
      ),
    get: (id) =>
      run([ENTRIES], 'readonly', (tx) =>
        request(tx.objectStore(ENTRIES).get(id) as IDBRequest<StoredEntry | undefined>),
      ),
    put: (entry) =>
      run([ENTRIES], 'readwrite', (tx) => {
        tx.objectStore(ENTRIES).put(entry);
      }),
    remove: (id) =>
      run([ENTRIES], 'readwrite', (tx) => {
        tx.objectStore(ENTRIES).delete(id);
      }),
    allArrivals: () =>
      run([ARRIVALS], 'readonly', (tx) =>
        request(tx.objectStore(ARRIVALS).getAll() as IDBRequest<Arrival[]>),
      ),
    putArrival: (arrival) =>
      run([ARRIVALS], 'readwrite', (tx) => {
        tx.objectStore(ARRIVALS).put(arrival);
      }),
    removeArrival: (id) =>
      run([ARRIVALS], 'readwrite', (tx) => {
        tx.objectStore(ARRIVALS).delete(id);
      }),
    loadLanguage: () =>
      run([KEYS], 'readonly', (tx) =>
        request(tx.objectStore(KEYS).get(LANGUAGE_ID) as IDBRequest<string | undefined>),
      ),
    saveLanguage: (language) =>
      run([KEYS], 'readwrite', (tx) => {
        tx.objectStore(KEYS).put(language, LANGUAGE_ID);
      }),
    wipe: () =>
      run([KEYS, ENTRIES, ARRIVALS], 'readwrite', (tx) => {
        tx.objectStore(ENTRIES).clear();
        tx.objectStore(ARRIVALS).clear();
        tx.objectStore(KEYS).clear();
      }),
  };
}

/** The promise wrappers, shared with the visit list kept on the device (features/visits). */
export { request as idbRequest, done as idbDone };
