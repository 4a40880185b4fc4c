import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { usePrivateUmask } from './db/data-dir-permissions.js';
import { safeErrorLine } from './http/safe-error.js';
import { loggerOptions } from './logger.js';
import { createDemoService, DemoRefusedError } from './modules/demo/demo.service.js';
import { demoHint, demoRefusedMessage } from './modules/demo/demo.startup.js';
import { LedgerBrokenError } from './modules/deletion/ledger-file.js';
import { openConfiguredDatabase, settleDeletionLedger } from './runtime.js';
import { startRetentionScheduler } from './modules/retention/retention.job.js';
import { startCheckpointScheduler } from './modules/audit/audit.checkpoint-job.js';
import { startAnomalyScanner } from './modules/anomalies/anomalies.job.js';
import { AuditKeyError } from './modules/audit/audit.signing-key.js';
import { DataKeyError } from './modules/encryption/field-crypto.js';

/** The process: configuration, database, listen, first-run link, graceful shutdown. */
async function main() {
  const startedAt = performance.now();
  usePrivateUmask();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  let database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(75); // EX_TEMPFAIL
    }
    throw error;
  }

  let built;
  try {
    built = await buildApp({ config, database }, { logger: loggerOptions(config) });
  } catch (error) {
    // the checkpoint key went missing or bad between reading the configuration and now
    if (error instanceof AuditKeyError || error instanceof DataKeyError) {
      console.error(error.message);
      await database.close();
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const { app, services } = built;
  if (database.permissionsFixed) {
    app.log.warn(
      { entries: database.permissionsFixed },
      `${database.permissionsFixed} files and folders in the data folder were open to other users; now only the server's user may read them`,
    );
  }

  // Deletions stay deleted: the ledger is written and re-applied before the server answers.
  try {
    const ledger = await settleDeletionLedger(services.deletion);
    app.log.info(
      { ledgerLines: ledger.lines, ledgerWritten: ledger.written, reapplied: ledger.reapplied },
      'deletion ledger written and re-applied',
    );
  } catch (error) {
    if (error instanceof LedgerBrokenError) {
      console.error(error.message);
      await app.close();
      await database.close();
      process.exit(65); // EX_DATAERR
    }
    throw error;
  }

  // Demo mode: an empty database gets Musterstadt, a demo database starts as it is, a
  // database with real data stops the server.
  let demo: { seeded: boolean } | null = null;
  if (config.demo) {
    try {
      demo = await createDemoService({ db: database.db, ...services }).seed();
    } catch (error) {
      if (error instanceof DemoRefusedError) {
        console.error(demoRefusedMessage(error.message));
        await app.close();
        await database.close();
        process.exit(78); // EX_CONFIG
      }
      throw error;
    }
  }

  // Expired sessions are refused anyway; this only keeps the table small.
  const purge = setInterval(() => {
    services.identity.purgeExpiredSessions().catch((error: unknown) => {
      app.log.warn({ err: error }, 'session purge failed');
    });
  }, 15 * 60_000);
  purge.unref();

  // Retention: expiry and deletion, every ZEMAG_RETENTION_INTERVAL_MINUTES, the first run
  // shortly after start; once across instances (advisory lock).
  const retention = startRetentionScheduler({
    services,
    intervalMinutes: config.retention.intervalMinutes,
    log: app.log,
  });

  // Signed checkpoints of the audit chain head, every ZEMAG_AUDIT_CHECKPOINT_MINUTES and at
  // shutdown (off without a signing key; production requires one).
  const checkpoints = services.auditCheckpoints.enabled
    ? startCheckpointScheduler({
        checkpoints: services.auditCheckpoints,
        intervalMinutes: config.audit.checkpointMinutes,
        log: app.log,
      })
    : null;
  if (!checkpoints) {
    app.log.warn(
      'no ZEMAG_AUDIT_SIGNING_KEY_FILE: the audit chain is not anchored by signed checkpoints',
    );
  }

  // Anomaly rules over new audit events, every ZEMAG_ANOMALY_SCAN_MINUTES; once across instances.
  const anomalyScanner = startAnomalyScanner({ anomalies: services.anomalies, log: app.log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    clearInterval(purge);
    await retention.stop();
    await anomalyScanner.stop();
    await checkpoints?.stop();
    try {
      await app.close();
    } finally {
      // Closing PGlite checkpoints its WAL, so the next start opens a clean folder.
      await database.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  // The one-time setup link exists before the server answers, so whoever sees it ready (a
  // person, a script polling /readyz) also finds the link printed.
  const link = demo ? null : await services.setup.issueSetupLinkIfRequired();
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { engine: database.engine, startupMs: Math.round(performance.now() - startedAt) },
    'ZeMAG ready',
  );

  if (demo) {
    process.stdout.write(demoHint({ publicUrl: config.publicUrl, seeded: demo.seeded }));
    return;
  }
  if (link) {
    // Printed to the console on purpose and not into the JSON log: it is a one-time secret.
    process.stdout.write(
      `\n  No administrator exists yet. Open this one-time link within 1 hour to create one:\n\n` +
        `    ${link.url}\n\n` +
        `  (or run: npm run -s zemag -- admin create)\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  // Class, code and message only: a database error's message and fields can hold register data.
  console.error(safeErrorLine(error));
  process.exit(1);
});
