import { idbDone, idbRequest } from '../incidents/outbox-idb';
import type { VisitBackend, VisitRecord } from './visit-store';

/** The IndexedDB database of the visit list kept on the device: its key and one record. */
export const VISITS_DB = 'zemag-visits';
const VERSION = 1;
const STORE = 'visits';
const KEY_ID = 'key';
const RECORD_ID = 'list';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(VISITS_DB, VERSION);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
  };
  return idbRequest(req);
}

/**
 * The visit list in IndexedDB, the way the report outbox keeps its entries: the key as a
 * non-extractable CryptoKey object, the database opened per operation and closed again.
 */
export function createIdbVisitBackend(factory: IDBFactory = indexedDB): VisitBackend {
  async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T) {
    const db = await open(factory);
    try {
      const tx = db.transaction([STORE], mode);
      const finished = idbDone(tx);
      const result = await work(tx.objectStore(STORE));
      await finished;
      return result;
    } finally {
      db.close();
    }
  }
  return {
    loadKey: () =>
      run('readonly', (s) => idbRequest(s.get(KEY_ID) as IDBRequest<CryptoKey | undefined>)),
    saveKeyIfAbsent: (key) =>
      run('readwrite', async (s) => {
        const existing = (await idbRequest(s.get(KEY_ID))) as CryptoKey | undefined;
        if (existing) return existing;
        s.put(key, KEY_ID);
        return key;
      }),
    get: () =>
      run('readonly', (s) => idbRequest(s.get(RECORD_ID) as IDBRequest<VisitRecord | undefined>)),
    put: (record) =>
      run('readwrite', (s) => {
        s.put(record, RECORD_ID);
      }),
    wipe: () =>
      run('readwrite', (s) => {
        s.clear();
      }),
  };
}
