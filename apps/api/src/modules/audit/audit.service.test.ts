import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import { rowsOf, type Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { createAuditService } from './audit.service.js';

for (const target of engines) {
  describe.skipIf(target.skip)(`audit chain ${engineTitle(target)}`, () => {
    let database: Database;
    const clock = createManualClock();
    const audit = createAuditService({ clock });

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
    });
    afterAll(async () => {
      await database?.close();
    });

    const record = (action: string, details: Record<string, unknown> = {}) =>
      database.db.transaction((tx) => audit.record({ tx, actor: null, action, details }));

    it('numbers events without gaps and links each to the one before', async () => {
      const first = await record('test.first');
      const second = await record('test.second', { n: 2 });
      expect(second.seq).toBe(first.seq + 1);
      const rows = rowsOf<{ seq: string; prev_hash: string; hash: string }>(
        await database.db.execute(sql`SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq`),
      );
      expect(rows.at(-1)?.prev_hash).toBe(first.hash);
      expect(await audit.verify({ db: database.db })).toMatchObject({
        ok: true,
        headSeq: second.seq,
      });
    });

    it('leaves no trace and no gap when the recording transaction rolls back', async () => {
      const before = await audit.verify({ db: database.db });
      await expect(
        database.db.transaction(async (tx) => {
          await audit.record({ tx, actor: null, action: 'test.rolled_back' });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const next = await record('test.after_rollback');
      expect(before.ok && next.seq).toBe(before.ok ? before.headSeq + 1 : -1);
    });

    it('keeps one unbroken chain under 16 concurrent writers', async () => {
      const before = await audit.verify({ db: database.db });
      if (!before.ok) throw new Error('chain broken before the test');
      const writers = 16;
      const perWriter = 20;
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) await record('test.concurrent', { w, i });
        }),
      );
      const result = await audit.verify({ db: database.db });
      expect(result).toMatchObject({ ok: true, count: before.count + writers * perWriter });
      const forks = rowsOf<{ n: number }>(
        await database.db.execute(
          sql`SELECT count(*)::int AS n FROM (SELECT prev_hash FROM audit_events GROUP BY prev_hash HAVING count(*) > 1) f`,
        ),
      );
      expect(forks[0]?.n).toBe(0);
    });

    it('appends a batch of 2,500 events (an import) as part of the same chain', async () => {
      const before = await audit.verify({ db: database.db });
      if (!before.ok) throw new Error('chain broken before the test');
      const events = Array.from({ length: 2500 }, (_, i) => ({
        actor: null,
        action: 'test.batch',
        details: { i },
      }));
      await database.db.transaction((tx) => audit.recordMany({ tx, events }));
      await record('test.after_batch');
      expect(await audit.verify({ db: database.db })).toMatchObject({
        ok: true,
        count: before.count + 2501,
      });
    });

    it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
      await expect(
        database.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = 1`),
      ).rejects.toThrow();
      await expect(
        database.db.execute(sql`DELETE FROM audit_events WHERE seq = 1`),
      ).rejects.toThrow();
      await expect(database.db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
      expect((await audit.verify({ db: database.db })).ok).toBe(true);
    });

    it('finds a row changed behind the application’s back at its exact sequence number', async () => {
      const target = await record('test.to_be_tampered', { level: 2 });
      await record('test.later');
      // A superuser can switch the triggers off; the hash chain still tells.
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL session_replication_role = replica`);
        await tx.execute(
          sql`UPDATE audit_events SET details = '{"level":3}'::jsonb WHERE seq = ${target.seq}`,
        );
      });
      expect(await audit.verify({ db: database.db })).toMatchObject({
        ok: false,
        brokenAt: target.seq,
        reason: 'hash_mismatch',
      });
    });

    it('finds a removed row as a gap at the missing sequence number', async () => {
      const fresh = await createTestDatabase(target.engine);
      try {
        const write = (action: string) =>
          fresh.db.transaction((tx) => audit.record({ tx, actor: null, action }));
        await write('a');
        const removed = await write('b');
        await write('c');
        await fresh.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          await tx.execute(sql`DELETE FROM audit_events WHERE seq = ${removed.seq}`);
        });
        expect(await audit.verify({ db: fresh.db, batchSize: 2 })).toMatchObject({
          ok: false,
          brokenAt: removed.seq,
          reason: 'gap',
        });
      } finally {
        await fresh.close();
      }
    });
  });
}
