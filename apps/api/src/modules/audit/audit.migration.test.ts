import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import { openDatabase, rowsOf, type Database } from '../../db/database.js';
import { MIGRATIONS_FOLDER } from '../../db/migrations.js';
import { engines, engineTitle, testDatabaseUrl } from '../../test-support/test-database.js';
import { GENESIS_HASH, hashAuditEvent } from './audit.canonical.js';
import { createAuditChainer } from './audit.chainer.js';
import { createAuditService } from './audit.service.js';

const BEFORE = '0023_audit_chain_after_commit';

/** The shipped migrations up to the one before the chain was linked after commit. */
function migrationsBefore(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((e) => e.tag === BEFORE);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** An empty database on the engine (PostgreSQL: a new database, dropped by `close`). */
async function emptyDatabase(engine: 'pglite' | 'postgres'): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ kind: 'pglite', dataDir: null });
  const name = `zemag_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: testDatabaseUrl });
      await dropper.connect();
      await dropper
        .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        .finally(() => dropper.end());
    },
  };
}

const folders: string[] = [];
afterAll(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

for (const target of engines) {
  describe.skipIf(target.skip)(`audit chain migration ${engineTitle(target)}`, () => {
    it('keeps a chain written before the migration verifying, and links new events after it', async () => {
      const folder = migrationsBefore();
      folders.push(folder);
      const database = await emptyDatabase(target.engine);
      try {
        const migrateTo = target.engine === 'pglite' ? migratePglite : migrateNodePg;
        await migrateTo(database.db as never, { migrationsFolder: folder });
        // events as audit_append() chained them: gap-free numbers, one hash over everything
        let prevHash = GENESIS_HASH;
        const at = new Date('2026-01-10T09:00:00Z');
        for (let seq = 1; seq <= 5; seq++) {
          const fields = {
            seq,
            occurredAt: at,
            actorId: null,
            action: 'test.legacy',
            subjectType: null,
            subjectId: null,
            purpose: `Akte ${seq}`,
            details: { seq, names: ['Meyer'] },
            prevHash,
          };
          const hash = hashAuditEvent(fields);
          await database.db.execute(sql`INSERT INTO audit_events (seq, occurred_at, action,
            purpose, details, prev_hash, hash) VALUES (${seq}, ${at.toISOString()}::timestamptz,
            'test.legacy', ${fields.purpose}, ${JSON.stringify(fields.details)}::jsonb,
            ${prevHash}, ${hash})`);
          prevHash = hash;
        }

        await database.migrate();
        const audit = createAuditService({ clock: createManualClock() });
        expect(await audit.verify({ db: database.db })).toMatchObject({
          ok: true,
          count: 5,
          headSeq: 5,
          headPosition: 5,
          headHash: prevHash,
        });

        const next = await database.db.transaction((tx) =>
          audit.record({ tx, actor: null, action: 'test.after_migration' }),
        );
        expect(next.seq).toBe(6);
        await createAuditChainer({ db: database.db }).drain();
        const [row] = rowsOf<{ chain_pos: string; prev_hash: string }>(
          await database.db.execute(
            sql`SELECT chain_pos, prev_hash FROM audit_events WHERE seq = ${next.seq}`,
          ),
        );
        expect(row).toMatchObject({ prev_hash: prevHash });
        expect(Number(row?.chain_pos)).toBe(6);
        expect(await audit.verify({ db: database.db })).toMatchObject({ ok: true, count: 6 });

        // a migrated event is still checked: an edit shows at its number
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          await tx.execute(sql`UPDATE audit_events SET purpose = 'Akte 99' WHERE seq = 3`);
        });
        expect(await audit.verify({ db: database.db })).toMatchObject({
          ok: false,
          broken: [{ sequence: 3, position: 3, reason: 'edited' }],
        });
      } finally {
        await database.close();
      }
    }, 180_000);
  });
}
