import type { Db } from '../../db/database.js';
import type { AuditCheckpoints } from './audit.checkpoints.js';
import { findTrimmablePosition, readChainStart, trimAuditEvents } from './audit.repository.js';
import type { AuditService } from './audit.service.js';

/** Chain positions removed per transaction; each step is anchored by its own checkpoint. */
const STEP = 50_000;

export interface AuditTrimResult {
  removed: number;
  /** The last removed chain position (null: nothing was due). */
  through: number | null;
  skipped?: 'no signing key';
}

/**
 * Audit retention: removes the events that occurred before `cutoff` from the head of the chain
 * (never the chain head itself, never an event after a younger one). Before each step a signed
 * checkpoint of its last position is appended to the checkpoint file — the anchor from which
 * `audit verify` checks what remains — then the step's events are removed (SQL `audit_trim()`)
 * and the removal is itself audited. A crash between anchor and removal leaves an extra
 * checkpoint and nothing removed; the next run repeats the step. Without a signing key nothing
 * is removed: an unanchored cut could not be told from tampering.
 */
export async function trimAuditHead({
  db,
  audit,
  checkpoints,
  linkPending,
  cutoff,
  dryRun = false,
}: {
  db: Db;
  audit: AuditService;
  checkpoints: AuditCheckpoints;
  linkPending: () => Promise<unknown>;
  cutoff: Date;
  /** Count what is due (positions are gap-free), remove nothing. */
  dryRun?: boolean;
}): Promise<AuditTrimResult> {
  if (!checkpoints.enabled) return { removed: 0, through: null, skipped: 'no signing key' };
  await linkPending();
  const target = await findTrimmablePosition({ db, cutoff });
  if (target === null) return { removed: 0, through: null };
  const start = (await readChainStart({ db }))?.position ?? 1;
  if (dryRun) return { removed: target - start + 1, through: target };
  let removed = 0;
  for (let first = start; first <= target;) {
    const step = Math.min(target, first + STEP - 1);
    const anchor = await checkpoints.anchor(step);
    removed += await db.transaction(async (tx) => {
      const count = await trimAuditEvents({ tx, through: step });
      await audit.record({
        tx,
        actor: null,
        action: 'audit.trimmed',
        details: {
          rule: 'retention.audit_events',
          through: step,
          removed: count,
          anchorSeq: anchor.seq,
          anchorHash: anchor.hash,
        },
      });
      return count;
    });
    first = step + 1;
  }
  await linkPending();
  return { removed, through: target };
}
