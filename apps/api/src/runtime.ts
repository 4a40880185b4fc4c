import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import type { DeletionService } from './modules/deletion/deletion.service.js';
import {
  backfillSearchKeys,
  rekeyAfterNormalisationChange,
} from './modules/lookup/lookup.backfill.js';

/**
 * Opens the configured database and brings its schema up to date, including data derived in
 * code (the look-up search keys of persons stored before the look-up existed).
 */
export async function openConfiguredDatabase(config: Pick<Config, 'database'>): Promise<Database> {
  const database = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    const before = await database.migrationStatus();
    // Only when some are pending: on PostgreSQL the server may run as an application role
    // without DDL rights, the owner having migrated (`zemag db migrate`, README).
    if (before.applied < before.expected) await database.migrate();
    // Keys made by an earlier name normalisation are made again, every person's (one catalogue
    // read when they are current). Only otherwise, and only on a start that brought the schema
    // up to date, can persons without keys (from before the look-up) remain: the anti-join over
    // every person is not run twice, nor on ordinary starts.
    const { rekeyed } = await rekeyAfterNormalisationChange({ db: database.db });
    if (!rekeyed && before.applied < before.expected) await backfillSearchKeys({ db: database.db });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * At every start, before the server answers: committed deletions not yet in the ledger file are
 * appended, then the whole ledger is verified and applied again (after a restored backup, what
 * was deleted since is deleted again). Throws `LedgerBrokenError` on an edited ledger.
 */
export async function settleDeletionLedger(deletion: DeletionService) {
  const { written } = await deletion.flush();
  const { reapplied, lines } = await deletion.reapply();
  return { written, reapplied, lines };
}
