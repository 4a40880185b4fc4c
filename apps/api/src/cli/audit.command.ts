import path from 'node:path';
import type { Command } from 'commander';
import type { AuditCheckpoints } from '../modules/audit/audit.checkpoints.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import { DEFAULT_STALE_AFTER_SECONDS } from '../modules/audit/audit.verify.js';
import { readChainStart } from '../modules/audit/audit.repository.js';
import { auditVerifyLine } from '../modules/audit/audit.verify-report.js';
import type { DbOrTx } from '../db/database.js';

export interface AuditCommandServices {
  audit: AuditService;
  auditCheckpoints: AuditCheckpoints;
  auditChainer: { drain(): Promise<number> };
}

/**
 * Registers `zemag audit verify [--checkpoints FILE]` and `zemag audit checkpoint`. Verify links
 * what has committed, walks the whole chain, checks every checkpoint and prints as its last line
 * `{"events":N,"ok":…,"first_bad_seq":N|null,"checkpoints":N,"problem":"…"|null}`; it exits 1
 * when the log does not hold. On the embedded database the server must be stopped (the
 * data-folder lock refuses otherwise).
 */
export function registerAuditCommand(
  program: Command,
  withServices: <T>(run: (services: AuditCommandServices, db: DbOrTx) => Promise<T>) => Promise<T>,
) {
  const audit = program.command('audit').description('the audit log: verify it, sign its head');
  audit
    .command('verify')
    .description(
      'check the hash chain and the signed checkpoints; prints {"events","ok","first_bad_seq","checkpoints","problem"}, exit 1 when they do not hold',
    )
    .option(
      '--checkpoints <file>',
      'the checkpoint file to check (default: ZEMAG_AUDIT_CHECKPOINTS)',
    )
    .action(async (options: { checkpoints?: string }) => {
      const line = await withServices(async (services, db) => {
        await services.auditChainer.drain();
        const file = options.checkpoints ? path.resolve(options.checkpoints) : undefined;
        // after audit retention the chain starts later, from a signed anchor
        const start = await readChainStart({ db });
        const anchor =
          start && start.position > 1
            ? await services.auditCheckpoints.anchorAt(start.position - 1, file)
            : null;
        const chain = await services.audit.verify({
          db,
          staleAfterSeconds: DEFAULT_STALE_AFTER_SECONDS,
          anchor,
        });
        const checks = await services.auditCheckpoints.check({
          headPosition: chain.headPosition,
          ...(file ? { file } : {}),
        });
        return auditVerifyLine(chain, checks);
      });
      process.stdout.write(`${JSON.stringify(line)}\n`);
      if (!line.ok) process.exitCode = 1;
    });
  audit
    .command('checkpoint')
    .description('sign the chain head now, append it to the checkpoint file and print it')
    .action(async () => {
      const checkpoint = await withServices((services) => services.auditCheckpoints.write());
      if (!checkpoint) {
        process.stderr.write(
          'Das Protokoll ist leer: nichts zu signieren. / The audit log is empty: nothing to sign.\n',
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
    });
}
