import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DisplayName, errorDetail, NewPassword, Username } from '@zemag/contracts';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { usePrivateUmask } from './db/data-dir-permissions.js';
import type { Database } from './db/database.js';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/demo/demo.data.js';
import { createDemoService, DemoRefusedError } from './modules/demo/demo.service.js';
import { AppError } from './http/app-error.js';
import { benchImportUsers } from './bench/import.bench.js';
import { benchSignIn } from './bench/sign-in.bench.js';
import { benchImportPersons } from './bench/legacy-import.bench.js';
import { benchRetention } from './bench/retention.bench.js';
import { benchAudit } from './bench/audit.bench.js';
import { readSecret } from './cli/read-secret.js';
import { registerPhoneticCommand } from './cli/phonetic.command.js';
import { registerOpenApiCommand } from './cli/openapi.command.js';
import { registerMatchEvalCommand } from './cli/match-eval.command.js';
import { registerMatchWeightsCommand } from './cli/match-weights.command.js';
import { registerBenchLookupCommand } from './cli/bench-lookup.command.js';
import { registerImportPersonsCommand } from './cli/import-persons.command.js';
import { openConfiguredDatabase, settleDeletionLedger } from './runtime.js';
import { BackupError, registerBackupCommand } from './cli/backup.command.js';
import { registerRestoreCommand } from './cli/restore.command.js';
import { LedgerBrokenError } from './modules/deletion/ledger-file.js';
import { registerRetentionCommand } from './cli/retention.command.js';
import { registerAuditCommand } from './cli/audit.command.js';
import { registerKeysCommand } from './cli/keys.command.js';
import { DataKeyError } from './modules/encryption/field-crypto.js';
import { AuditCheckpointsOffError } from './modules/audit/audit.checkpoints.js';
import { AuditKeyError } from './modules/audit/audit.signing-key.js';
import { systemClock } from './clock.js';
import { createServices } from './services.js';
import { prepareFieldEncryption } from './modules/encryption/field-encryption.startup.js';
import { safeErrorLine } from './http/safe-error.js';

/** A failure the CLI reports in one readable line and an exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The configured database, with a warning when its folder was open to other users. */
async function openForCli(config: ReturnType<typeof loadConfig>) {
  const database = await openConfiguredDatabase(config);
  if (database.permissionsFixed) {
    console.error(
      `Warning: ${database.permissionsFixed} files and folders in the data folder were open to other users; now only this user may read them.`,
    );
  }
  return database;
}

/**
 * The databases this process has open, and the signal a long command (the legacy import)
 * watches. TERM or INT first asks the command to stop after the row it is writing (each row is
 * its own transaction, so nothing is left half) and waits for it to close its database — which
 * releases the data-folder lock — then exits with 128 + the signal (143, 130). A second signal
 * exits at once.
 * Without this, Node ended at once: PGlite mid-write, its lock file left behind.
 */
const openDatabases = new Set<Database>();
/** Databases being opened (the lock is taken, migrations may run): waited for, then closed. */
const pendingOpens = new Set<Promise<Database>>();
const stop = new AbortController();
let stopping: Promise<never> | null = null;

function stopOnSignals() {
  const stopWith = (code: number) => {
    if (stopping) process.exit(code); // a second signal does not wait any longer
    stop.abort();
    stopping = (async () => {
      // A command that watches `stop` ends and closes its database itself; others are closed
      // under them after 10 s (PGlite's close waits for the query running then).
      const deadline = Date.now() + 10_000;
      await Promise.allSettled([...pendingOpens]);
      while (openDatabases.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      for (const database of openDatabases) await database.close().catch(() => {});
      process.exit(code);
    })();
  };
  process.on('SIGINT', () => stopWith(130));
  process.on('SIGTERM', () => stopWith(143));
}

/** Opens the configured database for a command; closed on TERM/INT as well. */
async function openForCommand(config: ReturnType<typeof loadConfig>): Promise<Database> {
  const opening = openForCli(config);
  pendingOpens.add(opening);
  const database = await opening.finally(() => pendingOpens.delete(opening));
  openDatabases.add(database);
  return {
    ...database,
    async close() {
      openDatabases.delete(database);
      await database.close();
    },
  };
}

/**
 * The command on the configured database with the services. `fieldKeys: false` (key rotation
 * only) leaves the data keys as they are: the rotation opens them itself, with either key.
 */
async function withServices<T>(
  run: (services: ReturnType<typeof createServices>, db: Database['db']) => Promise<T>,
  { fieldKeys = true }: { fieldKeys?: boolean } = {},
) {
  const config = loadConfig(process.env);
  const database = await openForCommand(config);
  let services;
  try {
    services = createServices({ db: database.db, clock: systemClock, config });
    if (fieldKeys) await prepareFieldEncryption({ db: database.db, cipher: services.cipher });
  } catch (error) {
    await database.close();
    throw error;
  }
  try {
    return await run(services, database.db);
  } finally {
    // the command's audit events are linked into the chain before the database closes
    await services.auditChainer.drain().catch(() => {});
    await database.close();
  }
}

function parseOrFail<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new CliFailure(`${option}: ${result.error.issues.map((i) => i.message).join('; ')}`, 64);
}

/** The `zemag` command line. Later issues add their commands here. */
export function buildCli() {
  const program = new Command('zemag')
    .description('ZeMAG command line (run through: npm run -s zemag -- <command>)')
    .exitOverride();

  const admin = program.command('admin').description('administrator accounts');
  admin
    .command('create')
    .description(
      'create the first administrator (for scripted installs; refused once an administrator exists)',
    )
    .requiredOption('--username <name>', 'sign-in name (3–64 characters: a-z 0-9 . _ @ -)')
    .requiredOption('--display-name <name>', 'name shown in the app')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .action(async (options: { username: string; displayName: string; passwordStdin?: boolean }) => {
      const username = parseOrFail(Username, options.username, '--username');
      const displayName = parseOrFail(DisplayName, options.displayName, '--display-name');
      const password = parseOrFail(
        NewPassword,
        await readSecret({
          prompt: 'Password (12–128 characters): ',
          fromStdin: options.passwordStdin ?? false,
        }),
        'password',
      );
      const { user } = await withServices((services) =>
        services.setup.createFirstAdminFromCli({ username, displayName, password }),
      );
      process.stdout.write(`Administrator "${user.username}" created. Sign in at the web app.\n`);
    });

  const demo = program.command('demo').description('the demo city Musterstadt (fictional data)');
  demo
    .command('seed')
    .description(
      'fill an empty instance with Musterstadt: departments and an account for every role',
    )
    .action(async () => {
      const result = await withServices((services, db) =>
        createDemoService({ db, ...services }).seed(),
      );
      process.stdout.write(
        result.seeded
          ? `Musterstadt seeded: ${DEMO_USERS.length} demo accounts (${DEMO_USERS.map((u) => u.username).join(', ')}), password "${DEMO_PASSWORD}".\n`
          : 'Musterstadt was already seeded; nothing changed.\n',
      );
    });

  demo
    .command('reset')
    .description('return a demo instance to its seeded state (refused if it holds real data)')
    .action(async () => {
      const config = loadConfig(process.env);
      const database = await openForCommand(config);
      try {
        const servicesNow = () => createServices({ db: database.db, clock: systemClock, config });
        await createDemoService({ db: database.db, ...servicesNow() }).assertNoRealData();
        await database.wipe();
        // the audit chain starts anew: the old checkpoints would all contradict it
        await fs.promises.rm(config.audit.checkpointsFile, { force: true });
        // services built afresh on the wiped database; its seed events linked before closing
        const services = servicesNow();
        // the wipe took the data keys too: a new one for the new demo
        await prepareFieldEncryption({ db: database.db, cipher: services.cipher });
        await createDemoService({ db: database.db, ...services }).seed();
        await services.auditChainer.drain();
        if (services.auditCheckpoints.enabled) await services.auditCheckpoints.write();
      } finally {
        await database.close();
      }
      process.stdout.write('Musterstadt reset to its seeded state.\n');
    });

  const bench = program.command('bench').description('measurements (each prints one JSON line)');
  bench
    .command('import-users')
    .description('time the CSV roll-out import into a fresh database')
    .option('--rows <n>', 'number of users', '25000')
    .option(
      '--database-url <url>',
      'an EMPTY PostgreSQL database to use instead of PGlite in memory',
    )
    .action(async (options: { rows: string; databaseUrl?: string }) => {
      const rows = parseOrFail(z.coerce.number().int().min(1).max(50_000), options.rows, '--rows');
      const result = await benchImportUsers({
        rows,
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });

  bench
    .command('sign-in')
    .description('sign-in latency: success, wrong password, unknown user (p50/p95 ms)')
    .option('--attempts <n>', 'attempts per case', '40')
    .action(async (options: { attempts: string }) => {
      const attempts = parseOrFail(
        z.coerce.number().int().min(1).max(1000),
        options.attempts,
        '--attempts',
      );
      process.stdout.write(`${JSON.stringify(await benchSignIn({ attempts }))}\n`);
    });

  bench
    .command('import-persons')
    .description(
      'time the legacy import (zemag import persons): dry run, real run, dry run against the imported persons',
    )
    .option('--rows <n>', 'rows of the dry-run file', '5000')
    .option('--apply <n>', 'rows to import for real (0: dry run only)', '0')
    .option(
      '--database-url <url>',
      'an EMPTY PostgreSQL database to use instead of PGlite in memory',
    )
    .action(async (options: { rows: string; apply: string; databaseUrl?: string }) => {
      const count = z.coerce.number().int().min(0).max(1_000_000);
      const result = await benchImportPersons({
        rows: parseOrFail(count, options.rows, '--rows'),
        applyRows: parseOrFail(count, options.apply, '--apply'),
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });

  bench
    .command('retention')
    .description('time `retention run` on N persons of which 10 % are due')
    .option('--persons <n>', 'number of persons', '100000')
    .option(
      '--database-url <url>',
      'an EMPTY PostgreSQL database to use instead of PGlite in memory',
    )
    .action(async (options: { persons: string; databaseUrl?: string }) => {
      const persons = parseOrFail(
        z.coerce.number().int().min(10).max(2_000_000),
        options.persons,
        '--persons',
      );
      const result = await benchRetention({
        persons,
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
  bench
    .command('audit')
    .description('time audit verify, a checkpoint and the DPO views on N audit events')
    .option('--events <n>', 'number of events', '100000')
    .option(
      '--database-url <url>',
      'an EMPTY PostgreSQL database to use instead of PGlite in memory',
    )
    .action(async (options: { events: string; databaseUrl?: string }) => {
      const events = parseOrFail(
        z.coerce.number().int().min(10).max(20_000_000),
        options.events,
        '--events',
      );
      const result = await benchAudit({
        events,
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
  registerBenchLookupCommand(bench);
  registerPhoneticCommand(program);
  registerOpenApiCommand(program);
  registerMatchEvalCommand(program);
  registerMatchWeightsCommand(program);
  registerImportPersonsCommand(program, (run) =>
    withServices((services) => run(services.legacyImport, stop.signal)),
  );
  // deletion (issue 11): backup and restore of the embedded database
  registerBackupCommand(program, () => loadConfig(process.env));
  registerRestoreCommand(
    program,
    () => loadConfig(process.env),
    () => withServices((services) => settleDeletionLedger(services.deletion)),
  );
  registerRetentionCommand(program, (run) => withServices((services) => run(services)));
  registerAuditCommand(program, withServices);
  registerKeysCommand(program, (run) =>
    withServices((services, db) => run(services, db, loadConfig(process.env).dataKey), {
      fieldKeys: false,
    }),
  );
  program
    .command('db')
    .description('the database schema')
    .command('migrate')
    .description(
      'bring the schema up to date (on PostgreSQL as the owner role; the server then needs no DDL rights); prints {"applied","expected"}',
    )
    .action(async () => {
      const config = loadConfig(process.env);
      const database = await openForCommand(config);
      try {
        process.stdout.write(`${JSON.stringify(await database.migrationStatus())}\n`);
      } finally {
        await database.close();
      }
    });
  return program;
}

async function main() {
  // Files the CLI creates (the embedded database's) are for this user only.
  usePrivateUmask();
  stopOnSignals();
  try {
    await buildCli().parseAsync(process.argv);
  } catch (error) {
    // Stopped by a signal: the database closed under the command; its error is no news.
    if (stopping) await stopping;
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(75);
    }
    if (error instanceof AppError) {
      const { de, en } = errorDetail(error.code);
      console.error(`${de}\n${en}`);
      process.exit(1);
    }
    if (error instanceof DemoRefusedError) {
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof BackupError) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    if (
      error instanceof AuditKeyError ||
      error instanceof AuditCheckpointsOffError ||
      error instanceof DataKeyError
    ) {
      console.error(error.message);
      process.exit(78);
    }
    if (error instanceof LedgerBrokenError) {
      console.error(error.message);
      process.exit(65);
    }
    if (error instanceof CliFailure) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    // Not rethrown: Node would print the whole error, and a database error's message and
    // fields hold the statement's parameters (names, narratives).
    console.error(safeErrorLine(error));
    process.exit(1);
  }
}

await main();
