import type { DbOrTx } from '../../db/database.js';
import {
  GENESIS_HASH,
  hashAuditContent,
  hashAuditEvent,
  hashAuditLink,
} from './audit.canonical.js';
import { listChainAfter, listUnlinkedAfter, type AuditRow } from './audit.repository.js';

/** Why one event does not fit the chain. */
export type AuditBreakReason =
  /** the row's content no longer gives its stored hash */
  | 'edited'
  /** the chain position is absent: the row was removed */
  | 'missing'
  /** the row is intact but does not point at the stored hash of the row before it */
  | 'linked-wrong'
  /** the row is intact but still not linked into the chain long after it occurred */
  | 'unlinked';

export interface AuditBreak {
  /** The event's number (`seq`); for a `missing` row the chain position, the only number left. */
  sequence: number;
  /** The chain position; null for an event not linked yet. */
  position: number | null;
  reason: AuditBreakReason;
}

/** At most this many breaks are listed; `brokenCount` still counts all. */
export const MAX_LISTED_BREAKS = 1000;

/** What the DPO's check passes: an unlinked event older than this means no chainer ran since. */
export const DEFAULT_STALE_AFTER_SECONDS = 60;

const LEGACY_REASON = {
  missing: 'gap',
  'linked-wrong': 'prev_hash_mismatch',
  edited: 'hash_mismatch',
  unlinked: 'unlinked',
} as const;

interface Counts {
  /** Every event checked: linked and unlinked. */
  count: number;
  /** Events linked into the chain. */
  linked: number;
  /** Events committed but not linked yet (their content is checked all the same). */
  unlinked: number;
  /** The number (`seq`) of the event at the chain head (0: empty chain). */
  headSeq: number;
  /** The chain position of the head (0: empty chain). */
  headPosition: number;
}

export type AuditVerification =
  | ({ ok: true; headHash: string; broken: [] } & Counts)
  | ({
      ok: false;
      /** Every event that does not fit the chain, in chain order, unlinked ones last (≤ 1,000). */
      broken: AuditBreak[];
      brokenCount: number;
      /** The first entry of `broken`, as earlier callers read it. */
      brokenAt: number;
      reason: (typeof LEGACY_REASON)[AuditBreakReason];
    } & Counts);

/** Whether a linked row's content and link still give its stored hashes. */
function linkedRowIntact(row: AuditRow): boolean {
  const { contentHash, chainPos, prevHash, hash, ...fields } = row;
  if (prevHash === null || hash === null || chainPos === null) return false;
  // chained before migration 0023: one hash over the fields and the previous hash
  if (contentHash === null) return hashAuditEvent({ ...fields, prevHash }) === hash;
  return (
    hashAuditContent(fields) === contentHash &&
    hashAuditLink({ chainPos, contentHash, prevHash }) === hash
  );
}

/**
 * Walks the chain by position: each row is checked against its own stored hashes and linked to
 * the stored hash of the row before it, so one broken row does not hide tampering further on.
 * Then every committed event not linked yet: its content against its content hash, and its age.
 */
export async function verifyAuditChain({
  db,
  batchSize,
  now,
  staleAfterSeconds = null,
  anchor = null,
}: {
  db: DbOrTx;
  batchSize: number;
  now: Date;
  /**
   * Where the chain starts after audit retention removed its head: the signed checkpoint of
   * the last removed position (its position and hash). Null: the chain starts at position 1.
   */
  anchor?: { position: number; hash: string } | null;
  /** An unlinked event older than this is a finding (`unlinked`); null: counted only. */
  staleAfterSeconds?: number | null;
}): Promise<AuditVerification> {
  const broken: AuditBreak[] = [];
  let brokenCount = 0;
  const note = (sequence: number, position: number | null, reason: AuditBreakReason) => {
    brokenCount += 1;
    if (broken.length < MAX_LISTED_BREAKS) broken.push({ sequence, position, reason });
  };
  let lastPos = anchor?.position ?? 0;
  let headSeq = 0;
  let prevHash = anchor?.hash ?? GENESIS_HASH;
  let linked = 0;
  for (;;) {
    const { rows } = await listChainAfter({ db, afterPos: lastPos, limit: batchSize });
    if (rows.length === 0) break;
    for (const row of rows) {
      const pos = row.chainPos!;
      const afterGap = pos !== lastPos + 1;
      const gapEnd = Math.min(pos, lastPos + 1 + MAX_LISTED_BREAKS);
      for (let missing = lastPos + 1; missing < gapEnd; missing++)
        note(missing, missing, 'missing');
      if (afterGap) brokenCount += pos - gapEnd;
      if (!linkedRowIntact(row)) note(row.seq, pos, 'edited');
      // after a removed row the link cannot be checked: the gap is the finding
      else if (!afterGap && row.prevHash !== prevHash) note(row.seq, pos, 'linked-wrong');
      prevHash = row.hash ?? '';
      lastPos = pos;
      headSeq = row.seq;
      linked += 1;
    }
  }
  let unlinked = 0;
  let lastSeq = 0;
  const staleBefore =
    staleAfterSeconds === null ? -Infinity : now.getTime() - staleAfterSeconds * 1000;
  for (;;) {
    const { rows } = await listUnlinkedAfter({ db, afterSeq: lastSeq, limit: batchSize });
    if (rows.length === 0) break;
    for (const { contentHash, chainPos: _unlinked, prevHash: _p, hash: _h, ...fields } of rows) {
      if (contentHash === null || hashAuditContent(fields) !== contentHash) {
        note(fields.seq, null, 'edited');
      } else if (fields.occurredAt.getTime() < staleBefore) note(fields.seq, null, 'unlinked');
      lastSeq = fields.seq;
      unlinked += 1;
    }
  }
  const counts = { count: linked + unlinked, linked, unlinked, headSeq, headPosition: lastPos };
  const [first] = broken;
  if (!first) return { ok: true, ...counts, headHash: prevHash, broken: [] };
  return {
    ok: false,
    ...counts,
    broken,
    brokenCount,
    brokenAt: first.sequence,
    reason: LEGACY_REASON[first.reason],
  };
}
