import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';

/** A backup or restore refused or failed, in one readable line, with its exit code. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The embedded database's folder, or a refusal naming the PostgreSQL tools. */
export function embeddedDataDir(config: Pick<Config, 'database'>, command: 'backup' | 'restore') {
  if (config.database.kind === 'pglite') return config.database.dataDir;
  throw new BackupError(
    command === 'backup'
      ? 'backup: only for the embedded database. With DATABASE_URL use pg_dump --format=custom (see README, "Backup and restore"); keep the deletion ledger file apart from it.'
      : 'restore: only for the embedded database. With DATABASE_URL use pg_restore (see README, "Backup and restore"); the next start re-applies the deletion ledger.',
    64,
  );
}

/**
 * Writes the embedded database as one gzip-compressed file (mode 0600): refused while a server
 * holds the data folder (its lock), and with DATABASE_URL.
 */
export async function runBackup({
  config,
  file,
}: {
  config: Pick<Config, 'database'>;
  file: string;
}): Promise<{ file: string; bytes: number }> {
  const dataDir = embeddedDataDir(config, 'backup');
  if (!fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))) {
    throw new BackupError(`backup: there is no database in ${dataDir} (ZEMAG_DATA_DIR).`, 66);
  }
  const target = path.resolve(file);
  // Takes the data folder's lock: a running server makes this fail (DataDirLockedError).
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const bytes = Buffer.from(await (await database.dump!('gzip')).arrayBuffer());
    const partial = `${target}.${process.pid}.partial`;
    const fd = fs.openSync(partial, 'w', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, target);
    fs.chmodSync(target, 0o600);
    return { file: target, bytes: bytes.length };
  } finally {
    await database.close();
  }
}

/** Registers `zemag backup FILE`. */
export function registerBackupCommand(program: Command, config: () => Pick<Config, 'database'>) {
  program
    .command('backup')
    .description(
      'write the embedded database to FILE (server stopped; PostgreSQL: use pg_dump). Prints {"file","bytes"}',
    )
    .argument('<file>', 'the backup file to write (mode 0600)')
    .action(async (file: string) => {
      const result = await runBackup({ config: config(), file });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
}
