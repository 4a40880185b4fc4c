import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.js';
import { makePrivate } from './data-dir-permissions.js';
import { countMigrationFiles, MIGRATIONS_FOLDER } from './migrations.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The database handle every repository receives; the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either, so a service decides where the transaction boundary is. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Applies every pending migration. Safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** How many migrations are applied and how many ship with this build. */
  migrationStatus(): Promise<{ applied: number; expected: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Drops every table, the audit log included, and migrates again. Only for the demo
   * (`zemag demo reset`), which checks first that the database holds nothing real.
   */
  wipe(): Promise<void>;
  /** PGlite only: the whole database as a tarball (gzip-compressed for `zemag backup`). */
  dump?: (compression?: 'none' | 'gzip') => Promise<Blob | File>;
  /**
   * PGlite in a data folder: how many of its files and folders other users could read or
   * write before this start; they are private now, and the caller warns about it.
   */
  permissionsFixed?: number;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /**
   * `dataDir: null` keeps everything in memory (tests); `loadDataDir` starts from a dump made
   * with `dumpDataDir()` (tests start from a migrated template instead of running initdb).
   */
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob };

// Chosen once; must stay the same in every version (serialises concurrent migrations).
const MIGRATION_LOCK_KEY = 7_301_100;

/** Rows of a raw `db.execute()`; both drivers answer with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

async function appliedMigrations(db: Db): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

async function tableExists(db: Db): Promise<boolean> {
  const result = await db.execute(
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  return rowsOf<{ present: boolean }>(result)[0]?.present === true;
}

async function wipeSchemas(db: Db) {
  await db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await db.execute(sql`DROP SCHEMA public CASCADE`);
  await db.execute(sql`CREATE SCHEMA public`);
}

async function statusOf(db: Db) {
  const applied = (await tableExists(db)) ? await appliedMigrations(db) : 0;
  return { applied, expected: countMigrationFiles() };
}

/** Opens PGlite (embedded, with a lock on its folder) or a PostgreSQL pool. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server closed (restart, failover) is an 'error' event on the pool;
    // unhandled it would end the process. pg drops that client; the next query opens a new one.
    pool.on('error', () => {});
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    const database: Database = {
      db,
      engine: 'postgres',
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
          await migrateNodePg(drizzleNodePg(client, { schema }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
          client.release();
        }
      },
      migrationStatus: () => statusOf(db),
      async wipe() {
        await wipeSchemas(db);
        await database.migrate();
      },
      async ping() {
        await pool.query('SELECT 1');
      },
      async close() {
        await pool.end();
      },
    };
    return database;
  }

  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  let client: PGlite;
  let permissionsFixed = 0;
  try {
    if (options.dataDir) permissionsFixed = makePrivate(options.dataDir).fixed;
    client = await PGlite.create({
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm, fuzzystrmatch },
    });
    // PGlite's own files of this start (a new database, its cache files): not a finding.
    if (options.dataDir) makePrivate(options.dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const database: Database = {
    db,
    engine: 'pglite',
    permissionsFixed,
    dump: (compression = 'none') => client.dumpDataDir(compression),
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
    },
    migrationStatus: () => statusOf(db),
    async wipe() {
      await wipeSchemas(db);
      await database.migrate();
    },
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
  return database;
}
