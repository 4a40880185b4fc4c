import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { storedJson, storedNullableText, storedText } from '../../db/stored-text.js';
import { canonicalContentAroundSeq, canonicalJson, hashAuditContent } from './audit.canonical.js';
import {
  insertAuditEvent,
  insertAuditEvents,
  insertAuditTerms,
  reserveAuditSeqs,
} from './audit.repository.js';
import { verifyAuditChain, type AuditVerification } from './audit.verify.js';

export type { AuditBreak, AuditBreakReason, AuditVerification } from './audit.verify.js';
export { DEFAULT_STALE_AFTER_SECONDS, MAX_LISTED_BREAKS } from './audit.verify.js';

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

export function createAuditService({
  clock,
  afterRecord = () => {},
}: {
  clock: Clock;
  /**
   * Called after every record (the chainer's wake-up, audit.chainer.ts): the event is linked
   * into the chain shortly after its transaction commits.
   */
  afterRecord?: () => void;
}) {
  async function insertMany(tx: Tx, events: Omit<AuditRecordInput, 'tx'>[]) {
    if (events.length === 0) return [];
    const seqs = await reserveAuditSeqs({ tx, count: events.length });
    const occurredAt = clock.now();
    const termRows: {
      seq: number;
      salt: string;
      terms: Record<string, unknown>;
      occurredAt: Date;
    }[] = [];
    const rows = events.map((input, i) => {
      const seq = seqs[i]!;
      const { event, terms } = withTermsDigest(input);
      if (terms) termRows.push({ seq, ...terms, occurredAt });
      const fields = { seq, ...storedEvent(event, occurredAt) };
      return { ...fields, contentHash: hashAuditContent(fields) };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await insertAuditEvents({ tx, rows: rows.slice(i, i + 1000) });
    }
    for (let i = 0; i < termRows.length; i += 1000) {
      await insertAuditTerms({ tx, rows: termRows.slice(i, i + 1000) });
    }
    return rows.map((row) => ({ seq: row.seq, contentHash: row.contentHash }));
  }

  return {
    /**
     * Inserts one event inside the caller's transaction: it commits or rolls back with the
     * change it records, takes no lock, and is linked into the chain after the commit.
     */
    async record(input: AuditRecordInput): Promise<{ seq: number; contentHash: string }> {
      const { tx, ...rest } = input;
      const { event, terms } = withTermsDigest(rest);
      const row = storedEvent(event, clock.now());
      const inserted = await insertAuditEvent({
        tx,
        event: row,
        canonical: canonicalContentAroundSeq(row),
      });
      if (terms) {
        await insertAuditTerms({
          tx,
          rows: [{ seq: inserted.seq, ...terms, occurredAt: row.occurredAt }],
        });
      }
      afterRecord();
      return inserted;
    },

    /** Inserts many events at once (bulk imports): chunked inserts, linked after the commit. */
    async recordMany({ tx, events }: { tx: Tx; events: Omit<AuditRecordInput, 'tx'>[] }) {
      const inserted = await insertMany(tx, events);
      if (inserted.length > 0) afterRecord();
      return { count: inserted.length };
    },

    /**
     * Walks the whole chain and every event not linked yet, and names every event that was
     * changed, removed or relinked, not only the first (audit.verify.ts).
     */
    verify({
      db,
      batchSize = 2000,
      staleAfterSeconds,
      anchor = null,
    }: {
      db: DbOrTx;
      batchSize?: number;
      /**
       * An event still unlinked this long after it occurred (by this service's clock) is a
       * finding, e.g. DEFAULT_STALE_AFTER_SECONDS; default: unlinked events are counted and
       * their content verified, not judged by age (tests move their clocks by days).
       */
      staleAfterSeconds?: number | null;
      /** The signed anchor of a chain whose head retention removed (audit.trim.ts). */
      anchor?: { position: number; hash: string } | null;
    }): Promise<AuditVerification> {
      return verifyAuditChain({
        db,
        batchSize,
        now: clock.now(),
        anchor,
        ...(staleAfterSeconds === undefined ? {} : { staleAfterSeconds }),
      });
    },
  };
}
