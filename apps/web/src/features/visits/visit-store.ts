import type { VisitListResult } from '@zemag/contracts';
import { type Sealed, createOutboxKey, openJson, sealJson } from '../incidents/outbox-crypto';
import { type StoredVisitList, isExpired, minimalVisitList } from './visit-storage';

/**
 * The one visit list kept on the device. Only the owner and the deadline are in the clear (to
 * delete it on time without the key); the list itself is sealed.
 */
export interface VisitRecord {
  ownerId: string;
  keepUntil: string;
  sealed: Sealed;
}

/** Where the record and its key live (IndexedDB in the browser, memory in tests). */
export interface VisitBackend {
  loadKey(): Promise<CryptoKey | undefined>;
  /** Stores `key` unless a key exists already; returns the key that is stored. */
  saveKeyIfAbsent(key: CryptoKey): Promise<CryptoKey>;
  get(): Promise<VisitRecord | undefined>;
  put(record: VisitRecord): Promise<void>;
  /** Deletes the record and the key. */
  wipe(): Promise<void>;
}

export interface VisitStore {
  /** Keeps the minimal copy of `list` for `ownerId`, replacing any earlier list. */
  save(ownerId: string, list: VisitListResult): Promise<StoredVisitList>;
  /**
   * The kept list of `ownerId`; an expired list, or another user's, is deleted instead. With
   * `null` (the app started without reaching the server, so nobody is signed in) the list of
   * the device's last user, who has not signed out since: sign-out deletes it.
   */
  load(ownerId: string | null): Promise<StoredVisitList | null>;
  /** Deletes an expired list; returns the deadline of the list still kept (or null). */
  purgeExpired(): Promise<string | null>;
  wipe(): Promise<void>;
  /** Called after every change (save, wipe, expiry), e.g. to redraw a page. */
  subscribe(listener: () => void): () => void;
}

const CONTEXT = 'visit-list';

/** The store over a backend; `now` is the clock of the expiry checks. */
export function createVisitStore({
  backend,
  now = () => new Date(),
}: {
  backend: VisitBackend;
  now?: () => Date;
}): VisitStore {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  async function key(): Promise<CryptoKey> {
    return (await backend.loadKey()) ?? backend.saveKeyIfAbsent(await createOutboxKey());
  }

  async function wipe() {
    await backend.wipe();
    changed();
  }

  return {
    async save(ownerId, list) {
      const minimal = minimalVisitList(list);
      const sealed = await sealJson(await key(), minimal, `${CONTEXT}:${ownerId}`);
      await backend.put({ ownerId, keepUntil: minimal.keepUntil, sealed });
      changed();
      return minimal;
    },
    async load(ownerId) {
      const record = await backend.get();
      if (!record) return null;
      const other = ownerId !== null && record.ownerId !== ownerId;
      if (isExpired(record.keepUntil, now()) || other) {
        await wipe();
        return null;
      }
      const stored = await backend.loadKey();
      try {
        if (!stored) throw new Error('no key');
        const context = `${CONTEXT}:${record.ownerId}`;
        return (await openJson(stored, record.sealed, context)) as StoredVisitList;
      } catch {
        // Without its key (or tampered with) the list is unreadable: it goes.
        await wipe();
        return null;
      }
    },
    async purgeExpired() {
      const record = await backend.get();
      if (!record) return null;
      if (!isExpired(record.keepUntil, now())) return record.keepUntil;
      await wipe();
      return null;
    },
    wipe,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A backend in memory, for tests. */
export function createMemoryVisitBackend(): VisitBackend & {
  record: () => VisitRecord | undefined;
} {
  let storedKey: CryptoKey | undefined;
  let record: VisitRecord | undefined;
  return {
    record: () => record,
    loadKey: () => Promise.resolve(storedKey),
    saveKeyIfAbsent(candidate) {
      storedKey ??= candidate;
      return Promise.resolve(storedKey);
    },
    get: () => Promise.resolve(record),
    put(next) {
      record = next;
      return Promise.resolve();
    },
    wipe() {
      record = undefined;
      storedKey = undefined;
      return Promise.resolve();
    },
  };
}
