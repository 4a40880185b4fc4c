import { safeError } from '../../http/safe-error.js';
import { startIntervalJob } from '../../jobs/interval-job.js';
import type { AnomaliesService } from './anomalies.service.js';

interface JobLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Scans the audit events linked since the last scan every `scanMinutes` (first shortly after
 * start), on an unref'd timer. Errors are logged by class, never with content.
 */
export function startAnomalyScanner({
  anomalies,
  log,
  firstDelayMs = 30_000,
}: {
  anomalies: AnomaliesService;
  log: JobLog;
  firstDelayMs?: number;
}) {
  return startIntervalJob({
    async run() {
      try {
        const result = await anomalies.scan();
        if (result.ran && result.found > 0) {
          log.info(
            { job: 'anomaly-scan', events: result.events, found: result.found },
            'anomaly rules: new findings',
          );
        }
      } catch (error) {
        log.error({ job: 'anomaly-scan', failure: safeError(error) }, 'anomaly scan failed');
      }
    },
    intervalMs: anomalies.settings.scanMinutes * 60_000,
    firstDelayMs,
  });
}
