import type { Clock } from '../../clock.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { canonicalJsonAroundChain, GENESIS_HASH, hashAuditEvent } from './audit.canonical.js';
import {
  appendAuditEvent,
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
}

export type AuditVerification =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | {
      ok: false;
      count: number;
      /** Sequence number of the first event that does not fit the chain. */
      brokenAt: number;
      reason: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch';
    };

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ clock }: { clock: Clock }) {
  async function appendEvents(tx: Tx, events: Omit<AuditRecordInput, 'tx'>[]) {
    if (events.length === 0) return [];
    await lockChainHead({ tx });
    const { head } = await findChainHead({ db: tx });
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const occurredAt = clock.now();
    const rows = events.map((event) => {
      seq += 1;
      const fields = {
        seq,
        occurredAt,
        actorId: event.actor,
        action: event.action,
        subjectType: event.subject?.type ?? null,
        subjectId: event.subject?.id ?? null,
        purpose: event.purpose ?? null,
        details: event.details ?? {},
        prevHash,
      };
      prevHash = hashAuditEvent(fields);
      return { ...fields, hash: prevHash };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await insertAuditEvents({ tx, rows: rows.slice(i, i + 1000) });
    }
    return rows.map((row) => ({ seq: row.seq, hash: row.hash }));
  }

  return {
    /** Appends one event to the chain inside the caller's transaction. */
    async record(input: AuditRecordInput): Promise<{ seq: number; hash: string }> {
      const { tx, ...event } = input;
      const row = {
        occurredAt: clock.now(),
        actorId: event.actor,
        action: event.action,
        subjectType: event.subject?.type ?? null,
        subjectId: event.subject?.id ?? null,
        purpose: event.purpose ?? null,
        details: event.details ?? {},
      };
      // Lock, chain head, hash and insert in one statement: the lock (held until COMMIT) is
      // not held across round trips.
      return appendAuditEvent({
        tx,
        event: row,
        canonical: canonicalJsonAroundChain(row),
        genesisHash: GENESIS_HASH,
      });
    },

    /** Appends many events at once (bulk imports): one lock, chunked inserts, same chain. */
    async recordMany({ tx, events }: { tx: Tx; events: Omit<AuditRecordInput, 'tx'>[] }) {
      const appended = await appendEvents(tx, events);
      return { count: appended.length };
    },

    /** Walks the whole chain and names the first event that was changed, removed or forked. */
    async verify({ db, batchSize = 2000 }: { db: DbOrTx; batchSize?: number }) {
      let expectedSeq = 1;
      let prevHash = GENESIS_HASH;
      let count = 0;
      for (;;) {
        const { rows } = await listAuditEventsAfter({
          db,
          afterSeq: expectedSeq - 1,
          limit: batchSize,
        });
        if (rows.length === 0) break;
        for (const row of rows) {
          const fail = (
            reason: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch',
          ): AuditVerification => ({
            ok: false,
            count,
            brokenAt: reason === 'gap' ? expectedSeq : row.seq,
            reason,
          });
          if (row.seq !== expectedSeq) return fail('gap');
          if (row.prevHash !== prevHash) return fail('prev_hash_mismatch');
          const { hash, ...fields } = row;
          if (hashAuditEvent(fields) !== hash) return fail('hash_mismatch');
          prevHash = hash;
          expectedSeq += 1;
          count += 1;
        }
      }
      return {
        ok: true,
        count,
        headSeq: expectedSeq - 1,
        headHash: prevHash,
      } satisfies AuditVerification;
    },
  };
}
