import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';

/** Opens the configured database and brings its schema up to date. */
export async function openConfiguredDatabase(config: Pick<Config, 'database'>): Promise<Database> {
  const database = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
