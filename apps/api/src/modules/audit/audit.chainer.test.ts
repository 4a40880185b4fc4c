import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import { openDatabase, rowsOf, type Database } from '../../db/database.js';
import {
  createTestDatabase,
  engines,
  engineTitle,
  testDatabaseUrl,
} from '../../test-support/test-database.js';
import { createAuditChainer } from './audit.chainer.js';
import {
  createAuditService,
  DEFAULT_STALE_AFTER_SECONDS,
  type AuditService,
} from './audit.service.js';

/** Waits until `done` holds, at most 20 s: the chainer runs in the background. */
async function eventually(done: () => Promise<boolean>) {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('not linked in 20 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Positions 1..n exactly once each, and no two events pointing at the same predecessor. */
async function chainShape(database: Database) {
  const [row] = rowsOf<{ n: number; min: number; max: number; forks: number; unlinked: number }>(
    await database.db.execute(sql`SELECT count(chain_pos)::int AS n,
        coalesce(min(chain_pos), 0)::int AS min, coalesce(max(chain_pos), 0)::int AS max,
        (SELECT count(*)::int FROM (SELECT prev_hash FROM audit_events WHERE prev_hash IS NOT NULL
          GROUP BY prev_hash HAVING count(*) > 1) f) AS forks,
        count(*) FILTER (WHERE chain_pos IS NULL)::int AS unlinked
      FROM audit_events`),
  );
  return row!;
}

/** A transaction that records one event and stays open until `finish` is called. */
function heldOpen(database: Database, audit: AuditService, action: string) {
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  let recorded!: (seq: number) => void;
  const inside = new Promise<number>((resolve) => (recorded = resolve));
  const done = database.db.transaction(async (tx) => {
    const { seq } = await audit.record({ tx, actor: null, action });
    recorded(seq);
    if (!(await decided)) throw new Error('rolled back');
  });
  return { inside, finish, done };
}

for (const target of engines) {
  describe.skipIf(target.skip)(`audit chain linked after commit ${engineTitle(target)}`, () => {
    let database: Database;
    const clock = createManualClock();

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
    });
    afterAll(async () => {
      await database?.close();
    });

    const record = (audit: AuditService, action: string, details: Record<string, unknown> = {}) =>
      database.db.transaction((tx) => audit.record({ tx, actor: null, action, details }));

    it('links all events of 50 parallel audited actions by itself, and the chain verifies', async () => {
      const chainer = createAuditChainer({ db: database.db, settleMs: 5 });
      const audit = createAuditService({ clock, afterRecord: chainer.wake });
      chainer.start();
      try {
        const before = await audit.verify({ db: database.db });
        const seqs = await Promise.all(
          Array.from({ length: 50 }, (_, i) => record(audit, 'test.parallel', { i })),
        );
        expect(new Set(seqs.map((s) => s.seq)).size).toBe(50);
        await eventually(async () => (await chainShape(database)).unlinked === 0);
        const result = await audit.verify({ db: database.db });
        expect(result).toMatchObject({ ok: true, count: before.count + 50, unlinked: 0 });
        const shape = await chainShape(database);
        expect(shape).toMatchObject({ min: 1, max: shape.n, forks: 0 });
      } finally {
        await chainer.stop();
      }
    });

    it('reports events committed while no chainer ran (a crash after COMMIT) and links them at the next start', async () => {
      // the process that recorded them died before its chainer ran
      const crashed = createAuditService({ clock });
      const lost = [];
      for (let i = 0; i < 3; i++) lost.push((await record(crashed, 'test.before_crash')).seq);
      const fresh = await crashed.verify({ db: database.db });
      // just committed: every event's content is verified; not linked yet is no finding
      expect(fresh).toMatchObject({ ok: true, unlinked: 3 });

      clock.advance(5 * 60_000);
      // counted and verified, but not a finding unless the check asks for an age
      expect(await crashed.verify({ db: database.db })).toMatchObject({ ok: true, unlinked: 3 });
      const check = { db: database.db, staleAfterSeconds: DEFAULT_STALE_AFTER_SECONDS };
      expect(await crashed.verify(check)).toMatchObject({
        ok: false,
        reason: 'unlinked',
        unlinked: 3,
        broken: lost.map((sequence) => ({ sequence, position: null, reason: 'unlinked' })),
      });

      const restarted = createAuditChainer({ db: database.db, settleMs: 5 });
      restarted.start();
      try {
        await eventually(async () => (await chainShape(database)).unlinked === 0);
      } finally {
        await restarted.stop();
      }
      const after = await crashed.verify({ db: database.db });
      expect(after).toMatchObject({ ok: true, unlinked: 0, count: fresh.count });
      expect((await chainShape(database)).forks).toBe(0);
    });

    it.skipIf(target.engine === 'pglite')(
      'links a later commit first, never waits for an open or rolled-back transaction, and links the earlier number when it commits',
      async () => {
        const chainer = createAuditChainer({ db: database.db });
        const audit = createAuditService({ clock });
        await chainer.drain();
        const slow = heldOpen(database, audit, 'test.slow');
        const doomed = heldOpen(database, audit, 'test.doomed');
        const slowSeq = await slow.inside;
        await doomed.inside;
        const fast = await record(audit, 'test.fast');
        expect(fast.seq).toBeGreaterThan(slowSeq);
        // the two open transactions hold lower numbers: linking goes on without them
        expect(await chainer.drain()).toBe(1);
        doomed.finish(false);
        await expect(doomed.done).rejects.toThrow('rolled back');
        slow.finish(true);
        await slow.done;
        expect(await chainer.drain()).toBe(1);
        const order = rowsOf<{ action: string }>(
          await database.db.execute(sql`SELECT action FROM audit_events
            WHERE action IN ('test.slow', 'test.fast', 'test.doomed') ORDER BY chain_pos`),
        );
        expect(order.map((r) => r.action)).toEqual(['test.fast', 'test.slow']);
        expect(await audit.verify({ db: database.db })).toMatchObject({ ok: true, unlinked: 0 });
      },
    );

    it('detects an unlinked event edited before linking, and linking does not hide it', async () => {
      const own = await createTestDatabase(target.engine);
      try {
        const audit = createAuditService({ clock });
        const write = (action: string) =>
          own.db.transaction((tx) =>
            audit.record({ tx, actor: null, action, details: { level: 2 } }),
          );
        await write('test.linked');
        await createAuditChainer({ db: own.db }).drain();
        const target = await write('test.unlinked');
        await own.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          await tx.execute(
            sql`UPDATE audit_events SET details = '{"level":3}'::jsonb WHERE seq = ${target.seq}`,
          );
        });
        expect(await audit.verify({ db: own.db })).toMatchObject({
          ok: false,
          reason: 'hash_mismatch',
          broken: [{ sequence: target.seq, position: null, reason: 'edited' }],
        });
        await createAuditChainer({ db: own.db }).drain();
        const linked = await audit.verify({ db: own.db });
        expect(linked).toMatchObject({
          ok: false,
          unlinked: 0,
          broken: [{ sequence: target.seq, reason: 'edited' }],
        });
        expect(!linked.ok && linked.broken[0]?.position).toBeGreaterThan(0);
      } finally {
        await own.close();
      }
    }, 120_000);

    it.skipIf(target.engine === 'pglite')(
      'never forks the chain when two app instances link the same database at once',
      async () => {
        const [{ name }] = rowsOf<{ name: string }>(
          await database.db.execute(sql`SELECT current_database() AS name`),
        ) as [{ name: string }];
        const url = new URL(testDatabaseUrl!);
        url.pathname = `/${name}`;
        const other = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
        // each instance: its own pool, chainer and audit service, as two servers would have
        const instances = [database, other].map((db) => {
          const chainer = createAuditChainer({ db: db.db, settleMs: 1, sweepMs: 5 });
          return { db, chainer, audit: createAuditService({ clock, afterRecord: chainer.wake }) };
        });
        instances.forEach((i) => i.chainer.start());
        try {
          const before = await instances[0]!.audit.verify({ db: database.db });
          await Promise.all(
            Array.from({ length: 20 }, async (_, writer) => {
              const { db, audit, chainer } = instances[writer % 2]!;
              for (let i = 0; i < 10; i++) {
                await db.db.transaction((tx) =>
                  audit.record({ tx, actor: null, action: 'test.two_instances', details: { i } }),
                );
                // and explicit drains racing the background rounds of both instances
                if (i % 3 === 0) await chainer.drain();
              }
            }),
          );
          await Promise.all(instances.map((i) => i.chainer.drain()));
          const result = await instances[1]!.audit.verify({ db: other.db });
          expect(result).toMatchObject({ ok: true, count: before.count + 200, unlinked: 0 });
          const shape = await chainShape(database);
          expect(shape).toMatchObject({ min: 1, max: shape.n, forks: 0, unlinked: 0 });
        } finally {
          await Promise.all(instances.map((i) => i.chainer.stop()));
          await other.close();
        }
      },
    );
  });
}
