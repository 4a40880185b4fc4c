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
  /** Deletes every entry and the key. */
  wipe(): Promise<void>;
}

/** An outbox store in memory, for tests. */
export function createMemoryOutboxStore(): OutboxStore & { entries: Map<string, StoredEntry> } {
  let key: CryptoKey | undefined;
  let owner: Sealed | undefined;
  const entries = new Map<string, StoredEntry>();
  return {
    entries,
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
    wipe() {
      entries.clear();
      key = undefined;
      owner = undefined;
      return Promise.resolve();
    },
  };
}
