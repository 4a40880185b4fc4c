import type { KeyObject } from 'node:crypto';
import type { DbOrTx } from '../../db/database.js';
import { trustedCheckpoint, type AuditCheckpoint } from './audit.checkpoint.js';
import { findChainRows } from './audit.repository.js';

/** What does not hold of the checkpoint file, first in file order. */
export interface CheckpointFinding {
  /** The line of the checkpoint file. */
  line: number;
  /** The first event the finding makes doubtful, when it still exists. */
  firstBadSeq: number | null;
  problem: string;
}

export interface CheckpointCheck {
  /** Checkpoints whose line parsed and whose signature fits the key. */
  checkpoints: number;
  finding: CheckpointFinding | null;
}

/**
 * Checks every checkpoint line: its form, its key and signature, and the chain against it — the
 * chain must still reach the signed position (else its tail was cut off) and the event there
 * must still have the signed hash (else the chain was re-hashed from an edited row on). A
 * re-hashed suffix cannot be pinned to one event: the finding names the first event after the
 * last checkpoint that still holds.
 */
export async function verifyCheckpoints({
  db,
  lines,
  publicKey,
  keyId,
  headPosition,
}: {
  db: DbOrTx;
  lines: { line: number; text: string }[];
  publicKey: KeyObject | null;
  keyId: string | null;
  /** The chain's last linked position (0: empty). */
  headPosition: number;
}): Promise<CheckpointCheck> {
  const parsed: { line: number; checkpoint: AuditCheckpoint }[] = [];
  const key = publicKey && keyId ? { publicKey, keyId } : null;
  for (const { line, text } of lines) {
    const checkpoint = trustedCheckpoint(text, key);
    if (typeof checkpoint === 'string') {
      const problem =
        checkpoint === 'no key'
          ? 'the checkpoints cannot be checked without the signing key (ZEMAG_AUDIT_SIGNING_KEY_FILE)'
          : `checkpoint line ${line}: ${checkpoint}`;
      return { checkpoints: parsed.length, finding: { line, firstBadSeq: null, problem } };
    }
    parsed.push({ line, checkpoint });
  }
  // Against the chain, in the order of positions: the last checkpoint that holds bounds a re-hash.
  const byPosition = [...parsed].sort((a, b) => a.checkpoint.position - b.checkpoint.position);
  let goodPosition = 0;
  for (let i = 0; i < byPosition.length; i += 1000) {
    const batch = byPosition.slice(i, i + 1000);
    const rows = await findChainRows({ db, positions: batch.map((p) => p.checkpoint.position) });
    for (const { line, checkpoint } of batch) {
      if (checkpoint.position > headPosition) {
        return {
          checkpoints: parsed.length,
          finding: {
            line,
            firstBadSeq: null,
            problem: `the chain was cut off: it ends at position ${headPosition}, but checkpoint line ${line} (${checkpoint.at}) vouches for position ${checkpoint.position} (event ${checkpoint.seq})`,
          },
        };
      }
      const row = rows.get(checkpoint.position);
      if (row && (row.hash !== checkpoint.hash || row.seq !== checkpoint.seq)) {
        const first = await findChainRows({ db, positions: [goodPosition + 1] });
        return {
          checkpoints: parsed.length,
          finding: {
            line,
            firstBadSeq: first.get(goodPosition + 1)?.seq ?? null,
            problem: `the chain was rewritten between positions ${goodPosition + 1} and ${checkpoint.position}: event ${row.seq} at position ${checkpoint.position} no longer has the hash signed at ${checkpoint.at} (checkpoint line ${line})`,
          },
        };
      }
      // a missing row is the chain walk's finding (`missing`); the checkpoint still bounds it
      goodPosition = checkpoint.position;
    }
  }
  return { checkpoints: parsed.length, finding: null };
}
