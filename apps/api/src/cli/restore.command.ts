import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { acquireDataDirLock } from '../db/data-dir-lock.js';
import { openDatabase, rowsOf } from '../db/database.js';
import { LedgerBrokenError, readLedger } from '../modules/deletion/ledger-file.js';
import { BackupError, embeddedDataDir } from './backup.command.js';

/** Opens the (restored) database, writes and re-applies the deletion ledger, closes it. */
export type SettleLedger = () => Promise<{ reapplied: number }>;

/** Loads the file into `staging/pgdata` and checks it is a ZeMAG database. */
async function loadIntoStaging(file: string, bytes: Buffer, staging: string) {
  const notBackup = () =>
    new BackupError(
      `restore: ${file} is not a ZeMAG backup (made with: zemag backup FILE); nothing was changed.`,
      65,
    );
  let database;
  try {
    database = await openDatabase({
      kind: 'pglite',
      dataDir: staging,
      loadDataDir: new Blob([new Uint8Array(bytes)]),
    });
  } catch {
    throw notBackup();
  }
  try {
    const [row] = rowsOf<{ ok: boolean }>(
      await database.db.execute(
        sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL
              AND to_regclass('public.persons') IS NOT NULL
              AND to_regclass('public.audit_events') IS NOT NULL AS ok`,
      ),
    );
    if (row?.ok !== true) throw notBackup();
  } catch (error) {
    throw error instanceof BackupError ? error : notBackup();
  } finally {
    await database.close().catch(() => {});
  }
}

/**
 * The ledger must verify before anything is replaced: a restore on an edited ledger could not
 * delete again what was deleted after the backup, so it is refused with the database unchanged.
 */
function refuseBrokenLedger(file: string) {
  try {
    readLedger(file);
  } catch (error) {
    if (!(error instanceof LedgerBrokenError)) throw error;
    throw new BackupError(
      `${error.message}\n` +
        'restore: Es wurde nichts wiederhergestellt, die Datenbank ist unverändert.\n' +
        'restore: nothing was restored, the database is unchanged.',
      65,
    );
  }
}

/**
 * Replaces the embedded database with a backup: refused while a server holds the data folder
 * or when the deletion ledger does not verify; the backup is loaded into a folder beside it and
 * checked first, then swapped in (a file that is not a backup changes nothing). Then the
 * deletion ledger is written and re-applied, so what was deleted after the backup was made is
 * deleted again.
 */
export async function runRestore({
  config,
  file,
  settle,
}: {
  config: Pick<Config, 'database' | 'deletion'>;
  file: string;
  settle: SettleLedger;
}): Promise<{ restored: true; ledger_reapplied: number }> {
  const dataDir = embeddedDataDir(config, 'restore');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.resolve(file));
  } catch {
    throw new BackupError(`restore: cannot read ${file}; nothing was changed.`, 66);
  }
  const release = acquireDataDirLock(dataDir);
  const staging = path.join(dataDir, `restore-${process.pid}.tmp`);
  try {
    refuseBrokenLedger(config.deletion.ledgerFile);
    fs.rmSync(staging, { recursive: true, force: true });
    await loadIntoStaging(file, bytes, staging);
    const live = path.join(dataDir, 'pgdata');
    const old = path.join(staging, 'pgdata.replaced');
    if (fs.existsSync(live)) fs.renameSync(live, old);
    fs.renameSync(path.join(staging, 'pgdata'), live);
  } finally {
    // The replaced database goes too: it must not outlive deletions made in it.
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
  const { reapplied } = await settle();
  return { restored: true, ledger_reapplied: reapplied };
}

/** Registers `zemag restore FILE`. */
export function registerRestoreCommand(
  program: Command,
  config: () => Pick<Config, 'database' | 'deletion'>,
  settle: SettleLedger,
) {
  program
    .command('restore')
    .description(
      'replace the embedded database with a backup (server stopped; PostgreSQL: use pg_restore), then re-apply the deletion ledger. Prints {"restored","ledger_reapplied"}',
    )
    .argument('<file>', 'a file written by zemag backup')
    .action(async (file: string) => {
      const result = await runRestore({ config: config(), file, settle });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
}
