import { safeError } from '../../http/safe-error.js';
import { startIntervalJob } from '../../jobs/interval-job.js';
import type { RetentionRun, RetentionService } from './retention.service.js';

/** What the job needs of the services (the deletion service appears once it is wired). */
export interface RetentionJobServices {
  retention: RetentionService;
  deletion?: { flush(): Promise<unknown> };
  /** Audits grants that stopped working (recertification overdue past the grace, or ended). */
  grantLapse?: { record(): Promise<unknown> };
}

/**
 * One run of the job: expiry and deletion, then the deletions appended to the deletion ledger
 * outside the database (`deletion.flush()`), when the deletion service exists.
 */
export async function runRetention(
  services: RetentionJobServices,
  options: { dryRun?: boolean; wait?: boolean } = {},
): Promise<RetentionRun> {
  const result = await services.retention.run(options);
  if (!options.dryRun && !('skipped' in result) && services.deletion) {
    await services.deletion.flush();
  }
  if (!options.dryRun && !('skipped' in result) && services.grantLapse) {
    await services.grantLapse.record();
  }
  return result;
}

interface JobLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** The first run this long after start: the server answers first. */
export const FIRST_RUN_DELAY_MS = 15_000;

/**
 * Runs the job every `intervalMinutes` (the first time shortly after start) on an unref'd
 * timer: it never keeps the process alive. `stop()` cancels the next run and waits for the one
 * in progress. Errors are logged by class and SQLSTATE, never with content.
 */
export function startRetentionScheduler({
  services,
  intervalMinutes,
  log,
  firstRunDelayMs = FIRST_RUN_DELAY_MS,
}: {
  services: RetentionJobServices;
  intervalMinutes: number;
  log: JobLog;
  firstRunDelayMs?: number;
}) {
  return startIntervalJob({
    intervalMs: intervalMinutes * 60_000,
    firstDelayMs: firstRunDelayMs,
    async run() {
      try {
        const result = await runRetention(services);
        log.info({ job: 'retention', ...result }, 'retention job run');
      } catch (error) {
        log.error({ job: 'retention', failure: safeError(error) }, 'retention job failed');
      }
    },
  });
}
