import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';
import { migrationsFingerprint } from '../db/migrations.js';

export type Engine = 'pglite' | 'postgres';

let template: Promise<Blob> | undefined;

/**
 * A migrated, empty PGlite database as a tarball, cached in the temp folder under the
 * migrations' fingerprint: loading it takes about a second, initdb plus migrations about four.
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = path.join(os.tmpdir(), `zemag-pglite-template-${migrationsFingerprint()}.tar`);
    if (!fs.existsSync(file)) {
      const database = await openDatabase({ kind: 'pglite', dataDir: null });
      await database.migrate();
      const dump = await database.dump!();
      await database.close();
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
    }
    return new Blob([fs.readFileSync(file)]);
  })();
  return template;
}

let postgresTemplateName: Promise<string> | undefined;

/**
 * A migrated, empty database on the PostgreSQL server to copy from (`CREATE DATABASE … TEMPLATE`),
 * named by the migrations' fingerprint and built once under an advisory lock, so parallel test
 * workers do not run every migration for every test file.
 */
function postgresTemplate(serverUrl: string): Promise<string> {
  postgresTemplateName ??= (async () => {
    const name = `zemag_tpl_${migrationsFingerprint()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock(7420111)');
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        const building = `${name}_${process.pid}`;
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        await admin.query(`CREATE DATABASE ${building}`);
        const url = new URL(serverUrl);
        url.pathname = `/${building}`;
        const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
        await database.migrate();
        await database.close();
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
    } finally {
      await admin.end();
    }
    return name;
  })();
  return postgresTemplateName;
}

/** The PostgreSQL server for the PostgreSQL tier, e.g. postgres://postgres@127.0.0.1:5432/test. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI === 'true' && !testDatabaseUrl) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tier must run in CI.');
}

/** Engines every database test runs on: PGlite always, PostgreSQL when a server is given. */
export const engines: { engine: Engine; skip: string | false }[] = [
  { engine: 'pglite', skip: false },
  {
    engine: 'postgres',
    skip: testDatabaseUrl ? false : 'skipped: TEST_DATABASE_URL not set',
  },
];

/** Test title suffix that names the engine, or why it is skipped. */
export function engineTitle({ engine, skip }: { engine: Engine; skip: string | false }) {
  return skip ? `on ${engine} (${skip})` : `on ${engine}`;
}

/**
 * A fresh, fully migrated database that belongs to one test file: an in-memory PGlite, or a
 * new database on the PostgreSQL server that is dropped again on `close()`.
 */
export async function createTestDatabase(
  engine: Engine,
  { fromTemplate = true }: { fromTemplate?: boolean } = {},
): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: null,
      ...(fromTemplate ? { loadDataDir: await pgliteTemplate() } : {}),
    });
    await database.migrate();
    return database;
  }
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `zemag_test_${randomBytes(6).toString('hex')}`;
  const template = fromTemplate ? await postgresTemplate(testDatabaseUrl) : null;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20 });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: testDatabaseUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
