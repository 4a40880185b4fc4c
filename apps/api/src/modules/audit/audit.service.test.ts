import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import { rowsOf, type Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { storedJson, storedText } from '../../db/stored-text.js';
import { createAuditChainer } from './audit.chainer.js';
import { createAuditService, termsDigest } from './audit.service.js';

/** Any UTF-16 code unit (lone surrogates and U+0000 included) or any code point. */
const anyUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d\ude00', '\u202e', 'e\u0301'),
);
const anyText = fc.string({ unit: anyUnit, maxLength: 40 });

for (const target of engines) {
  describe.skipIf(target.skip)(`audit chain ${engineTitle(target)}`, () => {
    let database: Database;
    const clock = createManualClock();
    const audit = createAuditService({ clock });

    // links what has committed, as the server's chainer does right after each commit
    const link = (db: Database = database) => createAuditChainer({ db: db.db }).drain();

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
    });
    afterAll(async () => {
      await database?.close();
    });

    const record = (action: string, details: Record<string, unknown> = {}) =>
      database.db.transaction((tx) => audit.record({ tx, actor: null, action, details }));

    it('links events after commit at gap-free positions, each to the one before', async () => {
      const first = await record('test.first');
      const second = await record('test.second', { n: 2 });
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(await link()).toBe(2);
      const rows = rowsOf<{ seq: string; chain_pos: string; prev_hash: string; hash: string }>(
        await database.db.execute(
          sql`SELECT seq, chain_pos, prev_hash, hash FROM audit_events ORDER BY chain_pos`,
        ),
      );
      const [a, b] = rows.slice(-2);
      expect([Number(a?.seq), Number(b?.seq)]).toEqual([first.seq, second.seq]);
      expect(Number(b?.chain_pos)).toBe(Number(a?.chain_pos) + 1);
      expect(b?.prev_hash).toBe(a?.hash);
      expect(await audit.verify({ db: database.db })).toMatchObject({
        ok: true,
        headSeq: second.seq,
        headPosition: Number(b?.chain_pos),
        unlinked: 0,
      });
    });

    it('leaves no trace and no gap in the chain when the recording transaction rolls back', async () => {
      await link();
      const before = await audit.verify({ db: database.db });
      if (!before.ok) throw new Error('chain broken before the test');
      await expect(
        database.db.transaction(async (tx) => {
          await audit.record({ tx, actor: null, action: 'test.rolled_back' });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const next = await record('test.after_rollback');
      expect(await link()).toBe(1);
      expect(await audit.verify({ db: database.db })).toMatchObject({
        ok: true,
        count: before.count + 1,
        headSeq: next.seq,
        headPosition: before.headPosition + 1,
      });
      const gone = rowsOf<{ n: number }>(
        await database.db.execute(
          sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.rolled_back'`,
        ),
      );
      expect(gone[0]?.n).toBe(0);
    });

    it('keeps typed terms apart: the chain holds their digest and verifies once they are cleared', async () => {
      const terms = { query: { familyName: 'Meyer', dateOfBirth: '1975-03-12', n: -Infinity } };
      const one = await database.db.transaction((tx) =>
        audit.record({ tx, actor: null, action: 'test.terms', details: { k: 1 }, terms }),
      );
      await database.db.transaction((tx) =>
        audit.recordMany({
          tx,
          events: [
            { actor: null, action: 'test.terms_many', terms: { query: { familyName: 'Yılmaz' } } },
            { actor: null, action: 'test.no_terms' },
          ],
        }),
      );
      const rows = rowsOf<{ seq: string; details: Record<string, unknown> }>(
        await database.db.execute(
          sql`SELECT seq, details FROM audit_events WHERE action LIKE 'test.%terms%' ORDER BY seq`,
        ),
      );
      expect(JSON.stringify(rows)).not.toMatch(/Meyer|Yılmaz|1975/);
      const stored = rowsOf<{ seq: string; salt: string; terms: Record<string, unknown> }>(
        await database.db.execute(sql`SELECT seq, salt, terms FROM audit_terms ORDER BY seq`),
      );
      expect(stored.map((r) => Number(r.seq))).toEqual([one.seq, one.seq + 1]);
      expect(stored[0]!.terms).toEqual({
        query: { familyName: 'Meyer', dateOfBirth: '1975-03-12', n: null },
      });
      stored.forEach((row, i) =>
        expect(termsDigest(row.salt, row.terms)).toBe(rows[i]!.details.termsDigest),
      );
      expect(await audit.verify({ db: database.db })).toMatchObject({ ok: true });
      await link();
      await database.db.execute(sql`DELETE FROM audit_terms`);
      expect(await audit.verify({ db: database.db })).toMatchObject({ ok: true });
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
      await link();
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
      await link();
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
      // linked once: the position and hashes cannot be set again
      await link();
      await expect(
        database.db.execute(
          sql`UPDATE audit_events SET chain_pos = chain_pos + 100000 WHERE seq = 1`,
        ),
      ).rejects.toThrow();
      // unlinked: only the chainer's linking, never the content
      const { seq } = await record('test.unlinked');
      await expect(
        database.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = ${seq}`),
      ).rejects.toThrow();
      await expect(
        database.db.execute(sql`UPDATE audit_events SET content_hash = NULL WHERE seq = ${seq}`),
      ).rejects.toThrow();
      expect(await link()).toBe(1);
      expect((await audit.verify({ db: database.db })).ok).toBe(true);
    });

    it('finds a row changed behind the application’s back at its exact sequence number', async () => {
      const target = await record('test.to_be_tampered', { level: 2 });
      await record('test.later');
      await link();
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

    it('keeps verifying after a reason with a lone surrogate or U+0000 (stored and hashed alike)', async () => {
      const fresh = await createTestDatabase(target.engine);
      const reasons = ['Grund \ud800', 'a\u0000b', '\udfff\ud800', 'Emoji 😀 bleibt'];
      for (const reason of reasons) {
        const { seq } = await fresh.db.transaction((tx) =>
          audit.record({
            tx,
            actor: null,
            action: 'test.reason',
            subject: { type: 'person\ud800', id: 'p\u0000' },
            purpose: reason,
            details: { reason, [`key\ud800`]: [reason, new Date(0), -0, 1e21, undefined] },
          }),
        );
        const [row] = rowsOf<{ purpose: string; details: unknown }>(
          await fresh.db.execute(sql`SELECT purpose, details FROM audit_events WHERE seq = ${seq}`),
        );
        expect(row?.purpose).toBe(storedText(reason));
        expect(row?.details).toEqual({
          reason: storedText(reason),
          'key\ufffd': [storedText(reason), '1970-01-01T00:00:00.000Z', 0, 1e21, null],
        });
      }
      expect(await audit.verify({ db: fresh.db })).toMatchObject({ ok: true, broken: [] });
      expect(await link(fresh)).toBe(reasons.length);
      expect(await audit.verify({ db: fresh.db })).toMatchObject({ ok: true, broken: [] });
      const emoji = rowsOf<{ purpose: string }>(
        await fresh.db.execute(
          sql`SELECT purpose FROM audit_events WHERE action = 'test.reason' ORDER BY seq DESC LIMIT 1`,
        ),
      );
      expect(emoji[0]?.purpose).toBe('Emoji 😀 bleibt');
      await fresh.close();
    }, 180_000);

    it('verifies a chain of arbitrary details and reasons (property)', async () => {
      const fresh = await createTestDatabase(target.engine);
      try {
        await fc.assert(
          fc.asyncProperty(
            anyText,
            fc.jsonValue({ stringUnit: anyUnit, maxDepth: 3 }),
            fc.dictionary(anyText, fc.oneof(anyText, fc.double(), fc.jsonValue()), {
              maxKeys: 4,
            }),
            async (purpose, value, extra) => {
              const details = { ...extra, value };
              const { seq } = await fresh.db.transaction((tx) =>
                audit.record({ tx, actor: null, action: 'test.property', purpose, details }),
              );
              const [row] = rowsOf<{ details: unknown }>(
                await fresh.db.execute(sql`SELECT details FROM audit_events WHERE seq = ${seq}`),
              );
              expect(row?.details).toEqual(storedJson(JSON.parse(JSON.stringify(details))));
            },
          ),
          // a counterexample once found (counts in numRuns): jsonb stores -Infinity as null
          { numRuns: 60, examples: [['', [], { '': -Infinity }]] },
        );
        expect(await audit.verify({ db: fresh.db })).toMatchObject({ ok: true, count: 60 });
        expect(await link(fresh)).toBe(60);
        expect(await audit.verify({ db: fresh.db })).toMatchObject({
          ok: true,
          count: 60,
          linked: 60,
        });
      } finally {
        await fresh.close();
      }
    }, 180_000);

    it('names every changed row, not only the first, and a removed one', async () => {
      const fresh = await createTestDatabase(target.engine);
      try {
        const write = (action: string) =>
          fresh.db.transaction((tx) =>
            audit.record({ tx, actor: null, action, details: { action } }),
          );
        const seqs: number[] = [];
        for (const action of ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
          seqs.push((await write(action)).seq);
        await link(fresh);
        const [, middle, , removed, , later] = seqs as [
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        await fresh.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          await tx.execute(
            sql`UPDATE audit_events SET purpose = 'nachträglich' WHERE seq = ${middle}`,
          );
          await tx.execute(sql`DELETE FROM audit_events WHERE seq = ${removed}`);
          await tx.execute(
            sql`UPDATE audit_events SET details = '{"action":"x"}'::jsonb WHERE seq = ${later}`,
          );
        });
        const result = await audit.verify({ db: fresh.db, batchSize: 2 });
        expect(result).toMatchObject({
          ok: false,
          broken: [
            { sequence: middle, reason: 'edited' },
            { sequence: removed, reason: 'missing' },
            { sequence: later, reason: 'edited' },
          ],
          brokenCount: 3,
          brokenAt: middle,
          reason: 'hash_mismatch',
        });
      } finally {
        await fresh.close();
      }
    }, 180_000);

    it('names a row re-hashed after an edit through the next row’s broken link', async () => {
      const fresh = await createTestDatabase(target.engine);
      try {
        const write = (action: string) =>
          fresh.db.transaction((tx) => audit.record({ tx, actor: null, action }));
        await write('a');
        const edited = await write('b');
        const next = await write('c');
        await link(fresh);
        await fresh.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          // the forger recomputes the edited row's content and link hashes but cannot touch the
          // next row's link
          const [row] = rowsOf<Record<string, unknown>>(
            await tx.execute(sql`SELECT * FROM audit_events WHERE seq = ${edited.seq}`),
          );
          const { hashAuditContent, hashAuditLink } = await import('./audit.canonical.js');
          const contentHash = hashAuditContent({
            seq: edited.seq,
            occurredAt: new Date(String(row!.occurred_at)),
            actorId: null,
            action: 'b-forged',
            subjectType: null,
            subjectId: null,
            purpose: null,
            details: {},
          });
          const forged = hashAuditLink({
            chainPos: Number(row!.chain_pos),
            contentHash,
            prevHash: String(row!.prev_hash),
          });
          await tx.execute(
            sql`UPDATE audit_events SET action = 'b-forged', content_hash = ${contentHash},
              hash = ${forged} WHERE seq = ${edited.seq}`,
          );
        });
        expect(await audit.verify({ db: fresh.db })).toMatchObject({
          ok: false,
          broken: [{ sequence: next.seq, reason: 'linked-wrong' }],
        });
      } finally {
        await fresh.close();
      }
    }, 180_000);

    it('finds a removed row as a gap at the missing sequence number', async () => {
      const fresh = await createTestDatabase(target.engine);
      try {
        const write = (action: string) =>
          fresh.db.transaction((tx) => audit.record({ tx, actor: null, action }));
        await write('a');
        const removed = await write('b');
        await write('c');
        await link(fresh);
        await fresh.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          await tx.execute(sql`DELETE FROM audit_events WHERE seq = ${removed.seq}`);
        });
        expect(await audit.verify({ db: fresh.db, batchSize: 2 })).toMatchObject({
          ok: false,
          brokenAt: removed.seq,
          reason: 'gap',
          broken: [{ sequence: removed.seq, reason: 'missing' }],
        });
      } finally {
        await fresh.close();
      }
    });
  });
}
