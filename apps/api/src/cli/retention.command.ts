import type { Command } from 'commander';
import { runRetention, type RetentionJobServices } from '../modules/retention/retention.job.js';
import type { RetentionRun } from '../modules/retention/retention.service.js';

/**
 * Registers `zemag retention run [--dry-run]`: expiry and deletion once. On PostgreSQL the
 * server may be running (a run in progress there is waited for); the embedded database is
 * refused while a server holds its folder (the data-folder lock). Prints as its last line
 * `{"dry_run":…,"expired":N,"due":N,"deleted":N,"by_kind":{…}}`.
 */
export function registerRetentionCommand(
  program: Command,
  withServices: <T>(run: (services: RetentionJobServices) => Promise<T>) => Promise<T>,
) {
  const retention = program
    .command('retention')
    .description('retention periods: expire listings and delete what is due');
  retention
    .command('run')
    .description(
      'run the expiry and deletion job once; prints {"dry_run","expired","due","deleted","by_kind"}',
    )
    .option('--dry-run', 'change nothing: count what is due now')
    .action(async (options: { dryRun?: boolean }) => {
      const result: RetentionRun = await withServices((services) =>
        runRetention(services, { dryRun: options.dryRun === true, wait: true }),
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
}
