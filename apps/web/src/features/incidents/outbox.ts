import type { IncidentReceipt, IncidentReportInput } from '@zemag/contracts';
import type { SendIncident, SendOutcome } from './incident-sender';
import { createOutboxKey, openJson, sealJson } from './outbox-crypto';
import type { Arrival, EntryProblem, OutboxStore, StoredEntry } from './outbox-store';

/** An entry as the app shows it: bookkeeping plus the decrypted report. */
export interface OutboxEntry {
  id: string;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  state: StoredEntry['state'];
  lastError: string | null;
  problems: EntryProblem[];
  report: IncidentReportInput;
}

/** Whose outbox it is: enough to file a report offline and to send it only in their session. */
export interface OutboxOwner {
  id: string;
  displayName: string;
}

const OWNER_CONTEXT = 'outbox-owner';

/** The result of sending one entry during a flush. */
export interface FlushResult {
  id: string;
  outcome: SendOutcome;
}

export interface Outbox {
  /** Encrypts and keeps a report; its idempotency key is fixed here. */
  add(ownerId: string, report: IncidentReportInput): Promise<OutboxEntry>;
  /** Replaces a corrected entry: a new entry with a new key (the old key met a refusal). */
  replace(id: string, ownerId: string, report: IncidentReportInput): Promise<OutboxEntry>;
  /** The owner's entries, oldest first. Entries that can no longer be opened are dropped. */
  entries(ownerId: string): Promise<OutboxEntry[]>;
  /** Remembers who uses the outbox (encrypted), so a report can be made when the app starts offline. */
  rememberOwner(owner: OutboxOwner): Promise<void>;
  /** The last signed-in user of this device's outbox, if not signed out since. */
  lastOwner(): Promise<OutboxOwner | null>;
  /** How many entries wait on this device, whoever wrote them (no key needed). */
  countAll(): Promise<number>;
  /** Sends the owner's pending entries, oldest first; stops when the connection is gone. */
  flush(ownerId: string): Promise<FlushResult[]>;
  remove(id: string): Promise<void>;
  /** The id of the entry being sent by this outbox right now, if any. */
  sending(): string | null;
  /** The owner's reports that arrived in the last days, newest first (older ones are dropped). */
  arrivals(ownerId: string): Promise<Arrival[]>;
  /** Stops showing an arrival (the employee has seen it). */
  dismissArrival(id: string): Promise<void>;
  /** Remembers the app's language for texts shown without a page (notifications). */
  rememberLanguage(language: string): Promise<void>;
  language(): Promise<string | undefined>;
  /** Deletes every entry and the key (sign-out). */
  wipe(): Promise<void>;
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface OutboxDeps {
  store: OutboxStore;
  send: SendIncident;
  now?: () => Date;
  newId?: () => string;
  /** Runs a flush exclusively across tabs (Web Locks in the browser); plain call by default. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  subtle?: SubtleCrypto;
}

/** How long an arrival is confirmed on the start page and in "Meine Meldungen". */
export const ARRIVAL_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** Failures after which the other entries would fail the same way. */
const STOP_CODES = new Set(['client.network', 'auth.unauthenticated']);

/**
 * The device's outbox of reports: every submission lands here first, encrypted, and leaves
 * only when the server confirmed it stored the report (201) or already holds it (422
 * key_reused). Everything else keeps the entry for the next attempt.
 */
export function createOutbox({
  store,
  send,
  now = () => new Date(),
  newId = () => crypto.randomUUID(),
  exclusive = (work) => work(),
  subtle = crypto.subtle,
}: OutboxDeps): Outbox {
  const listeners = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight: string | null = null;

  const changed = () => listeners.forEach((listener) => listener());

  async function key(): Promise<CryptoKey> {
    const existing = await store.loadKey();
    if (existing) return existing;
    return store.saveKeyIfAbsent(await createOutboxKey(subtle));
  }

  async function open(entry: StoredEntry, cryptoKey: CryptoKey): Promise<OutboxEntry | null> {
    try {
      const report = (await openJson(cryptoKey, entry.sealed, entry.id, subtle)) as
        IncidentReportInput | undefined;
      if (report === undefined) return null;
      const { sealed: _sealed, ownerId: _owner, ...rest } = entry;
      return { ...rest, report };
    } catch {
      return null;
    }
  }

  async function add(ownerId: string, report: IncidentReportInput): Promise<OutboxEntry> {
    const id = newId();
    const entry: StoredEntry = {
      id,
      ownerId,
      createdAt: now().toISOString(),
      attempts: 0,
      lastAttemptAt: null,
      state: 'pending',
      lastError: null,
      problems: [],
      sealed: await sealJson(await key(), report, id, subtle),
    };
    await store.put(entry);
    changed();
    const { sealed: _sealed, ownerId: _owner, ...rest } = entry;
    return { ...rest, report };
  }

  async function entries(ownerId: string): Promise<OutboxEntry[]> {
    const stored = (await store.all()).filter((entry) => entry.ownerId === ownerId);
    if (stored.length === 0) return [];
    const cryptoKey = await store.loadKey();
    const opened: OutboxEntry[] = [];
    for (const entry of stored) {
      const view = cryptoKey ? await open(entry, cryptoKey) : null;
      // Without its key an entry can never be read or sent again: drop it.
      if (view) opened.push(view);
      else await store.remove(entry.id);
    }
    return opened.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async function sendOne(entry: OutboxEntry, ownerId: string): Promise<SendOutcome> {
    inFlight = entry.id;
    changed();
    let outcome: SendOutcome;
    try {
      outcome = await send(entry.id, entry.report);
    } finally {
      inFlight = null;
    }
    if (outcome.kind === 'stored' || outcome.kind === 'duplicate') {
      const receipt = outcome.kind === 'stored' ? outcome.receipt : null;
      // The confirmation first: a crash in between shows "arrived" twice, never not at all.
      await store
        .putArrival({
          id: entry.id,
          ownerId,
          reference: receipt?.reference ?? null,
          incidentId: receipt?.id ?? null,
          arrivedAt: now().toISOString(),
        })
        .catch(() => undefined);
      await store.remove(entry.id);
      return outcome;
    }
    const current = await store.get(entry.id);
    if (!current || current.ownerId !== ownerId) return outcome;
    await store.put({
      ...current,
      attempts: current.attempts + 1,
      lastAttemptAt: now().toISOString(),
      lastError: outcome.code,
      ...(outcome.kind === 'invalid'
        ? {
            state: 'invalid' as const,
            problems: outcome.fieldErrors.map(({ field, code }) => ({ field, code })),
          }
        : {}),
    });
    return outcome;
  }

  async function lastOwner(): Promise<OutboxOwner | null> {
    const [sealed, cryptoKey] = await Promise.all([store.loadOwner(), store.loadKey()]);
    if (!sealed || !cryptoKey) return null;
    try {
      const owner = (await openJson(cryptoKey, sealed, OWNER_CONTEXT, subtle)) as OutboxOwner;
      return typeof owner?.id === 'string' ? owner : null;
    } catch {
      return null;
    }
  }

  async function runFlush(ownerId: string): Promise<FlushResult[]> {
    const results: FlushResult[] = [];
    for (const entry of await entries(ownerId)) {
      if (entry.state !== 'pending') continue;
      const outcome = await sendOne(entry, ownerId);
      results.push({ id: entry.id, outcome });
      if (outcome.kind === 'retry' && STOP_CODES.has(outcome.code)) break;
    }
    if (results.length > 0) changed();
    return results;
  }

  return {
    add,
    async replace(id, ownerId, report) {
      const entry = await add(ownerId, report);
      await store.remove(id);
      changed();
      return entry;
    },
    entries,
    async rememberOwner(owner) {
      const current = await lastOwner();
      if (current?.id === owner.id && current.displayName === owner.displayName) return;
      await store.saveOwner(await sealJson(await key(), owner, OWNER_CONTEXT, subtle));
    },
    lastOwner,
    async countAll() {
      return (await store.all()).length;
    },
    flush(ownerId) {
      // One flush at a time in this tab; a flush asked for meanwhile runs after it.
      const next = queue.then(() => exclusive(() => runFlush(ownerId)));
      queue = next.catch(() => undefined);
      return next;
    },
    async remove(id) {
      await store.remove(id);
      changed();
    },
    sending: () => inFlight,
    async arrivals(ownerId) {
      const oldest = now().getTime() - ARRIVAL_KEPT_MS;
      const kept: Arrival[] = [];
      for (const arrival of await store.allArrivals()) {
        if (Date.parse(arrival.arrivedAt) < oldest) await store.removeArrival(arrival.id);
        else if (arrival.ownerId === ownerId) kept.push(arrival);
      }
      return kept.sort((a, b) => b.arrivedAt.localeCompare(a.arrivedAt));
    },
    async dismissArrival(id) {
      await store.removeArrival(id);
      changed();
    },
    async rememberLanguage(language) {
      if ((await store.loadLanguage()) !== language) await store.saveLanguage(language);
    },
    language: () => store.loadLanguage(),
    async wipe() {
      await store.wipe();
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The receipt of an entry in a flush's results, if the server stored it. */
export function receiptOf(results: readonly FlushResult[], id: string): IncidentReceipt | null {
  const result = results.find((r) => r.id === id);
  return result?.outcome.kind === 'stored' ? result.outcome.receipt : null;
}
