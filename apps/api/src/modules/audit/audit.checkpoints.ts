import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { DbOrTx } from '../../db/database.js';
import type { Clock } from '../../clock.js';
import {
  signCheckpoint,
  trustedCheckpoint,
  type AuditCheckpoint,
  type ChainHead,
} from './audit.checkpoint.js';
import { appendCheckpoint, readCheckpointLines } from './audit.checkpoint-file.js';
import { verifyCheckpoints, type CheckpointCheck } from './audit.checkpoint-verify.js';
import { findChainRows, readChainHead } from './audit.repository.js';
import type { AuditSigningKey } from './audit.signing-key.js';

export interface AuditCheckpointSettings {
  /** The signing key, or null when none is configured (checkpoints are then off). */
  key: AuditSigningKey | null;
  /** The checkpoint file outside the database. */
  file: string;
}

/**
 * Signed checkpoints of the chain head (audit.checkpoint.ts): written on a schedule and by
 * `zemag audit checkpoint`, checked by `zemag audit verify`.
 */
export function createAuditCheckpoints({
  db,
  clock,
  settings,
  linkPending,
}: {
  db: DbOrTx;
  clock: Clock;
  settings: AuditCheckpointSettings;
  /** Links the committed events first, so that the checkpoint covers them. */
  linkPending: () => Promise<unknown>;
}) {
  let lastPosition: number | null = null;
  /** Signs `head` now and appends it to the file (flushed before it returns). */
  async function signAndAppend(key: AuditSigningKey, head: ChainHead) {
    const checkpoint = signCheckpoint(head, clock.now(), key);
    await appendCheckpoint(settings.file, checkpoint);
    return checkpoint;
  }
  return {
    file: settings.file,
    enabled: settings.key !== null,

    /**
     * Signs the chain head now and appends it to the file; null when the chain is empty, or,
     * with `onlyIfMoved`, when the head is where this process last signed it.
     */
    async write({
      onlyIfMoved = false,
    }: { onlyIfMoved?: boolean } = {}): Promise<AuditCheckpoint | null> {
      const { key } = settings;
      if (!key) throw new AuditCheckpointsOffError();
      await linkPending();
      const head = await readChainHead({ db });
      if (!head) return null;
      if (onlyIfMoved && head.position === lastPosition) return null;
      const checkpoint = await signAndAppend(key, head);
      lastPosition = head.position;
      return checkpoint;
    },

    /**
     * Signs the linked event at `position` as an anchor before audit retention removes it and
     * everything before it (audit.trim.ts): verification then starts from this signed hash.
     */
    async anchor(position: number): Promise<AuditCheckpoint> {
      const { key } = settings;
      if (!key) throw new AuditCheckpointsOffError();
      const row = (await findChainRows({ db, positions: [position] })).get(position);
      if (!row?.hash) throw new Error(`no linked audit event at chain position ${position}`);
      return signAndAppend(key, { position, seq: row.seq, hash: row.hash });
    },

    /**
     * The signed checkpoint at `position` in `file`, if one with a valid signature by the
     * configured key is there: the anchor of a chain whose head was removed by retention.
     */
    async anchorAt(position: number, file = settings.file): Promise<AuditCheckpoint | null> {
      const { key } = settings;
      if (!key) return null;
      for (const { text } of (await readCheckpointLines(file)) ?? []) {
        const checkpoint = trustedCheckpoint(text, key);
        if (typeof checkpoint !== 'string' && checkpoint.position === position) return checkpoint;
      }
      return null;
    },

    /** Every line of `file` (default: the configured one) against the key and the chain. */
    async check({
      headPosition,
      file = settings.file,
    }: {
      headPosition: number;
      file?: string;
    }): Promise<CheckpointCheck> {
      const lines = await readCheckpointLines(file);
      // a file named on purpose (a copy shipped elsewhere) that is not there is no "ok"
      if (lines === null) {
        if (file === settings.file) return { checkpoints: 0, finding: null };
        return {
          checkpoints: 0,
          finding: {
            line: 0,
            firstBadSeq: null,
            problem: `the checkpoint file ${file} does not exist`,
          },
        };
      }
      return verifyCheckpoints({
        db,
        lines,
        publicKey: settings.key?.publicKey ?? null,
        keyId: settings.key?.keyId ?? null,
        headPosition,
      });
    },
  };
}

export type AuditCheckpoints = ReturnType<typeof createAuditCheckpoints>;

export class AuditCheckpointsOffError extends Error {
  constructor() {
    super(
      'Kein Signaturschlüssel eingerichtet (ZEMAG_AUDIT_SIGNING_KEY_FILE): es werden keine Prüfpunkte geschrieben.\n' +
        'No signing key is configured (ZEMAG_AUDIT_SIGNING_KEY_FILE): no checkpoints are written.',
    );
    this.name = 'AuditCheckpointsOffError';
  }
}

/** Services built without a configuration (tests): a file of their own, never written without a key. */
export function testCheckpointsFile(): string {
  return path.join(os.tmpdir(), `zemag-test-checkpoints-${process.pid}-${randomUUID()}.jsonl`);
}
