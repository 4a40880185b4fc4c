import { safeError } from '../../http/safe-error.js';
import { startIntervalJob } from '../../jobs/interval-job.js';
import type { AuditCheckpoints } from './audit.checkpoints.js';

interface JobLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** The first checkpoint this long after start: a fresh start gets an anchor soon. */
export const FIRST_CHECKPOINT_DELAY_MS = 60_000;

/**
 * Signs the chain head every `intervalMinutes` when it moved, on an unref'd timer, and once
 * more at `stop()` (a clean shutdown leaves its last events anchored). Errors are logged by
 * class, never with content; the next interval tries again.
 */
export function startCheckpointScheduler({
  checkpoints,
  intervalMinutes,
  log,
  firstDelayMs = FIRST_CHECKPOINT_DELAY_MS,
}: {
  checkpoints: AuditCheckpoints;
  intervalMinutes: number;
  log: JobLog;
  firstDelayMs?: number;
}) {
  async function once() {
    try {
      const checkpoint = await checkpoints.write({ onlyIfMoved: true });
      if (checkpoint) {
        log.info(
          { job: 'audit-checkpoint', position: checkpoint.position, seq: checkpoint.seq },
          'audit checkpoint signed',
        );
      }
    } catch (error) {
      log.error({ job: 'audit-checkpoint', failure: safeError(error) }, 'audit checkpoint failed');
    }
  }
  const job = startIntervalJob({
    run: once,
    intervalMs: intervalMinutes * 60_000,
    firstDelayMs,
  });
  return {
    async stop() {
      await job.stop();
      await once();
    },
  };
}
