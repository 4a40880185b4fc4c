import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { storedJson, storedNullableText, storedText } from '../../db/stored-text.js';
import {
  canonicalJson,
  canonicalJsonAroundChain,
  GENESIS_HASH,
  hashAuditEvent,
} from './audit.canonical.js';
import {
  appendAuditEvent,
  insertAuditTerms,
  findChainHead,
  insertAuditEvents,
  listAuditEventsAfter,
  lockChainHead,
} from './audit.repository.js';

/** What one audit event says: who did what to which subject, and why. */
export interface AuditRecordInput {
  /** The caller's open transaction: the event commits or rolls back with the change it records. */
  tx: Tx;
  /** The acting user's id, or null for an anonymous actor (e.g. a failed sign-in). */
  actor: string | null;
  /** Stable dotted name such as `auth.sign_in`. */
  action: string;
  subject?: { type: string; id: string } | null;
  /** The stated purpose (look-ups) or reason (changes). */
  purpose?: string | null;
  /** Ids and facts about the event; never the register content itself. */
  details?: Record<string, unknown>;
  /**
   * Personal content a user typed (the names, dates and addresses of a look-up): kept in
   * `audit_terms`, which retention may clear; the chain holds only `details.termsDigest`.
   */
  terms?: Record<string, unknown> | null;
}

/** SHA-256 (hex) over the salt and the canonical JSON of the terms as jsonb stores them. */
export function termsDigest(salt: string, terms: Record<string, unknown>): string {
  return createHash('sha256')
    .update(salt, 'utf8')
    .update(canonicalJson(storedJson(terms)), 'utf8')
    .digest('hex');
}

/**
 * Splits the terms off an event: the event's details get `termsDigest`, the terms and their
 * random salt go to `audit_terms` once the event's number is known.
 */
function withTermsDigest(event: Omit<AuditRecordInput, 'tx'>) {
  if (!event.terms) return { event, terms: null };
  const salt = randomBytes(16).toString('hex');
  const terms = storedJson(event.terms) as Record<string, unknown>;
  const details = { ...event.details, termsDigest: termsDigest(salt, terms) };
  return { event: { ...event, details }, terms: { salt, terms } };
}

/** Why one sequence number does not fit the chain. */
export type AuditBreakReason =
  /** the row's content no longer gives its stored hash */
  | 'edited'
  /** the number is absent: the row was removed */
  | 'missing'
  /** the row is intact but does not point at the stored hash of the row before it */
  | 'linked-wrong';

export interface AuditBreak {
  sequence: number;
  reason: AuditBreakReason;
}

/** At most this many breaks are listed; `brokenCount` still counts all. */
export const MAX_LISTED_BREAKS = 1000;

const LEGACY_REASON = {
  missing: 'gap',
  'linked-wrong': 'prev_hash_mismatch',
  edited: 'hash_mismatch',
} as const;

export type AuditVerification =
  | { ok: true; count: number; headSeq: number; headHash: string; broken: [] }
  | {
      ok: false;
      count: number;
      headSeq: number;
      /** Every sequence number that does not fit the chain, in order (at most 1,000). */
      broken: AuditBreak[];
      brokenCount: number;
      /** The first entry of `broken`, as earlier callers read it. */
      brokenAt: number;
      reason: (typeof LEGACY_REASON)[AuditBreakReason];
    };

/**
 * The event's fields exactly as the database will store them (db/stored-text.ts), so the hash
 * covers the stored bytes: a lone surrogate or U+0000 in a reason would otherwise be hashed in
 * one form and stored in another, and the row would never verify again.
 */
function storedEvent(event: Omit<AuditRecordInput, 'tx'>, occurredAt: Date) {
  return {
    occurredAt,
    actorId: event.actor,
    action: storedText(event.action),
    subjectType: storedNullableText(event.subject?.type ?? null),
    subjectId: storedNullableText(event.subject?.id ?? null),
    purpose: storedNullableText(event.purpose ?? null),
    details: storedJson(event.details ?? {}) as Record<string, unknown>,
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ clock }: { clock: Clock }) {
  async function appendEvents(tx: Tx, events: Omit<AuditRecordInput, 'tx'>[]) {
    if (events.length === 0) return [];
    await lockChainHead({ tx });
    const { head } = await findChainHead({ db: tx });
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const occurredAt = clock.now();
    const termRows: {
      seq: number;
      salt: string;
      terms: Record<string, unknown>;
      occurredAt: Date;
    }[] = [];
    const rows = events.map((input) => {
      seq += 1;
      const { event, terms } = withTermsDigest(input);
      if (terms) termRows.push({ seq, ...terms, occurredAt });
      const fields = { seq, ...storedEvent(event, occurredAt), prevHash };
      prevHash = hashAuditEvent(fields);
      return { ...fields, hash: prevHash };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await insertAuditEvents({ tx, rows: rows.slice(i, i + 1000) });
    }
    for (let i = 0; i < termRows.length; i += 1000) {
      await insertAuditTerms({ tx, rows: termRows.slice(i, i + 1000) });
    }
    return rows.map((row) => ({ seq: row.seq, hash: row.hash }));
  }

  return {
    /** Appends one event to the chain inside the caller's transaction. */
    async record(input: AuditRecordInput): Promise<{ seq: number; hash: string }> {
      const { tx, ...rest } = input;
      const { event, terms } = withTermsDigest(rest);
      const row = storedEvent(event, clock.now());
      // Lock, chain head, hash and insert in one statement: the lock (held until COMMIT) is
      // not held across round trips.
      const appended = await appendAuditEvent({
        tx,
        event: row,
        canonical: canonicalJsonAroundChain(row),
        genesisHash: GENESIS_HASH,
      });
      if (terms) {
        await insertAuditTerms({
          tx,
          rows: [{ seq: appended.seq, ...terms, occurredAt: row.occurredAt }],
        });
      }
      return appended;
    },

    /** Appends many events at once (bulk imports): one lock, chunked inserts, same chain. */
    async recordMany({ tx, events }: { tx: Tx; events: Omit<AuditRecordInput, 'tx'>[] }) {
      const appended = await appendEvents(tx, events);
      return { count: appended.length };
    },

    /**
     * Walks the whole chain and names every event that was changed, removed or relinked, not
     * only the first: each row is checked against its own stored hash and linked to the stored
     * hash of the row before it, so one broken row does not hide tampering further on.
     */
    async verify({
      db,
      batchSize = 2000,
    }: {
      db: DbOrTx;
      batchSize?: number;
    }): Promise<AuditVerification> {
      const broken: AuditBreak[] = [];
      let brokenCount = 0;
      const note = (sequence: number, reason: AuditBreakReason) => {
        brokenCount += 1;
        if (broken.length < MAX_LISTED_BREAKS) broken.push({ sequence, reason });
      };
      let lastSeq = 0;
      let prevHash = GENESIS_HASH;
      let count = 0;
      for (;;) {
        const { rows } = await listAuditEventsAfter({ db, afterSeq: lastSeq, limit: batchSize });
        if (rows.length === 0) break;
        for (const row of rows) {
          const afterGap = row.seq !== lastSeq + 1;
          const gapEnd = Math.min(row.seq, lastSeq + 1 + MAX_LISTED_BREAKS);
          for (let missing = lastSeq + 1; missing < gapEnd; missing++) note(missing, 'missing');
          if (afterGap) brokenCount += row.seq - gapEnd;
          const { hash, ...fields } = row;
          if (hashAuditEvent(fields) !== hash) note(row.seq, 'edited');
          // after a removed row the link cannot be checked: the gap is the finding
          else if (!afterGap && row.prevHash !== prevHash) note(row.seq, 'linked-wrong');
          prevHash = hash;
          lastSeq = row.seq;
          count += 1;
        }
      }
      const [first] = broken;
      if (!first) return { ok: true, count, headSeq: lastSeq, headHash: prevHash, broken: [] };
      return {
        ok: false,
        count,
        headSeq: lastSeq,
        broken,
        brokenCount,
        brokenAt: first.sequence,
        reason: LEGACY_REASON[first.reason],
      };
    },
  };
}
