import type { Sealed } from './outbox-crypto';

/** A problem the server found with an entry: the field path and stable code, never a value. */
export interface EntryProblem {
  field: string;
  code: string;
}

/**
 * One report waiting on the device. Only bookkeeping is in the clear; the report itself is in
 * `sealed`. The id is the idempotency key, fixed when the entry is created, so every retry of
 * the same report is recognised by the server and stored once.
 */
export interface StoredEntry {
  id: string;
  /** The user who wrote it: only their session sends it. */
  ownerId: string;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  /** `pending` is sent when there is a connection; `invalid` waits for the reporter to correct it. */
  state: 'pending' | 'invalid';
  /** The stable code of the last failure (e.g. `client.network`), nothing more. */
  lastError: string | null;
  problems: EntryProblem[];
  sealed: Sealed;
}

/**
 * A report that left the outbox and arrived: kept for a while so the start page and "Meine
 * Meldungen" confirm it, also when it was sent in the background. Holds no register data
 * (only the reference number the server gave it), so it is not encrypted.
 */
export interface Arrival {
  /** The outbox entry's id (its idempotency key). */
  id: string;
  ownerId: string;
  /** Null when the server had it already and sent no new receipt. */
  reference: string | null;
  incidentId: string | null;
  arrivedAt: string;
}

/** Where the outbox keeps its key and entries (IndexedDB in the browser, memory in tests). */
export interface OutboxStore {
  loadKey(): Promise<CryptoKey | undefined>;
  /** Stores `key` unless a key exists already; returns the key that is stored. */
  saveKeyIfAbsent(key: CryptoKey): Promise<CryptoKey>;
  /** The sealed record of whose outbox this is (for reports made while the app starts offline). */
  loadOwner(): Promise<Sealed | undefined>;
  saveOwner(owner: Sealed): Promise<void>;
  all(): Promise<StoredEntry[]>;
  get(id: string): Promise<StoredEntry | undefined>;
  put(entry: StoredEntry): Promise<void>;
  remove(id: string): Promise<void>;
  allArrivals(): Promise<Arrival[]>;
  putArrival(arrival: Arrival): Promise<void>;
  removeArrival(id: string): Promise<void>;
  /** The language of the app, for texts the service worker shows (notifications). */
  loadLanguage(): Promise<string | undefined>;
  saveLanguage(language: string): Promise<void>;
  /** Deletes every entry, every arrival and the key. */
  wipe(): Promise<void>;
}

/** An outbox store in memory, for tests. */
export function createMemoryOutboxStore(): OutboxStore & {
  entries: Map<string, StoredEntry>;
  arrivals: Map<string, Arrival>;
} {
  let key: CryptoKey | undefined;
  let owner: Sealed | undefined;
  let language: string | undefined;
  const entries = new Map<string, StoredEntry>();
  const arrivals = new Map<string, Arrival>();
  return {
    entries,
    arrivals,
    loadKey: () => Promise.resolve(key),
    saveKeyIfAbsent(candidate) {
      key ??= candidate;
      return Promise.resolve(key);
    },
    loadOwner: () => Promise.resolve(owner),
    saveOwner(sealed) {
      owner = sealed;
      return Promise.resolve();
    },
    all: () => Promise.resolve([...entries.values()].map((entry) => structuredClone(entry))),
    get: (id) => Promise.resolve(entries.has(id) ? structuredClone(entries.get(id)) : undefined),
    put(entry) {
      entries.set(entry.id, structuredClone(entry));
      return Promise.resolve();
    },
    remove(id) {
      entries.delete(id);
      return Promise.resolve();
    },
    allArrivals: () => Promise.resolve([...arrivals.values()].map((a) => ({ ...a }))),
    putArrival(arrival) {
      arrivals.set(arrival.id, { ...arrival });
      return Promise.resolve();
    },
    removeArrival(id) {
      arrivals.delete(id);
      return Promise.resolve();
    },
    loadLanguage: () => Promise.resolve(language),
    saveLanguage(value) {
      language = value;
      return Promise.resolve();
    },
    wipe() {
      entries.clear();
      arrivals.clear();
      key = undefined;
      owner = undefined;
      return Promise.resolve();
    },
  };
}
