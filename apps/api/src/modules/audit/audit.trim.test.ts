import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import { rowsOf, type Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { createAuditChainer } from './audit.chainer.js';
import { createAuditCheckpoints } from './audit.checkpoints.js';
import { readChainStart, trimAuditEvents } from './audit.repository.js';
import { createAuditService } from './audit.service.js';
import { keyIdOf } from './audit.signing-key.js';
import { trimAuditHead } from './audit.trim.js';

const DAY = 24 * 60 * 60_000;

for (const target of engines) {
  describe.skipIf(target.skip)(`audit retention ${engineTitle(target)}`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-audit-trim-'));
    const file = path.join(dir, 'checkpoints.jsonl');
    // events of ten and eleven months ago (the database refuses to remove younger than six)
    const clock = createManualClock(new Date(Date.now() - 330 * DAY));
    const audit = createAuditService({ clock });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = { privateKey, publicKey, keyId: keyIdOf(publicKey) };
    let database: Database;

    const services = (withKey = true) => {
      const chainer = createAuditChainer({ db: database.db });
      const checkpoints = createAuditCheckpoints({
        db: database.db,
        clock,
        settings: { key: withKey ? key : null, file },
        linkPending: () => chainer.drain(),
      });
      const trim = (cutoff: Date, dryRun = false) =>
        trimAuditHead({
          db: database.db,
          audit,
          checkpoints,
          linkPending: () => chainer.drain(),
          cutoff,
          dryRun,
        });
      return { chainer, checkpoints, trim };
    };
    const record = (action: string) =>
      database.db.transaction((tx) => audit.record({ tx, actor: null, action }));
    const verify = async () => {
      const { checkpoints } = services();
      const start = await readChainStart({ db: database.db });
      const anchor =
        start && start.position > 1 ? await checkpoints.anchorAt(start.position - 1) : null;
      return audit.verify({ db: database.db, anchor });
    };

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
    });
    afterAll(async () => {
      await database?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('removes the events older than the cutoff from the head, and the rest verifies from the signed anchor', async () => {
      const old: number[] = [];
      for (let i = 0; i < 10; i++) old.push((await record(`old.${i}`)).seq);
      clock.advance(30 * DAY);
      const cutoff = clock.now();
      for (let i = 0; i < 3; i++) await record(`young.${i}`);
      const { trim } = services();
      const due = (await trim(cutoff, true)).removed;
      expect(due).toBeGreaterThanOrEqual(10);
      const before = await verify();
      const result = await trim(cutoff);
      expect(result.removed).toBe(due);
      expect((await trim(cutoff, true)).removed).toBe(0);
      const left = rowsOf<{ action: string }>(
        await database.db.execute(sql`SELECT action FROM audit_events ORDER BY seq`),
      ).map((row) => row.action);
      expect(left.some((action) => action.startsWith('old.'))).toBe(false);
      expect(left).toEqual(
        expect.arrayContaining(['young.0', 'young.1', 'young.2', 'audit.trimmed']),
      );
      // verification starts at the signed anchor and finds the rest intact
      const after = await verify();
      expect(after).toMatchObject({ ok: true });
      expect(after.count).toBe(before.count - result.removed + 1);
      // without the anchor the removed head is a finding
      expect(await audit.verify({ db: database.db })).toMatchObject({ ok: false });
      const trimmed = rowsOf<{ details: unknown }>(
        await database.db.execute(
          sql`SELECT details FROM audit_events WHERE action = 'audit.trimmed'`,
        ),
      );
      expect(trimmed).toHaveLength(1);
    });

    it('never removes the chain head, nor anything without a signing key', async () => {
      await record('latest');
      const { trim } = services(false);
      expect(await trim(new Date(Date.now() + 365 * DAY))).toEqual({
        removed: 0,
        through: null,
        skipped: 'no signing key',
      });
      const all = await services().trim(new Date(Date.now() + 365 * DAY));
      expect(all.removed).toBeGreaterThan(0);
      const count = rowsOf<{ n: string }>(
        await database.db.execute(
          sql`SELECT count(*) AS n FROM audit_events WHERE chain_pos IS NOT NULL`,
        ),
      )[0]!.n;
      // the head (and the audit.trimmed event linked after it) stay
      expect(Number(count)).toBeGreaterThanOrEqual(1);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('is refused by the database for the head, for young events, and to a plain DELETE', async () => {
      const head = rowsOf<{ head: string }>(
        await database.db.execute(sql`SELECT max(chain_pos) AS head FROM audit_events`),
      )[0]!.head;
      await expect(
        database.db.transaction((tx) => trimAuditEvents({ tx, through: Number(head) })),
      ).rejects.toThrow();
      // an event of today: younger than six months
      const young = createAuditService({ clock: createManualClock(new Date()) });
      await database.db.transaction((tx) => young.record({ tx, actor: null, action: 'today' }));
      await database.db.transaction((tx) => young.record({ tx, actor: null, action: 'today.2' }));
      await services().chainer.drain();
      const todayPos = rowsOf<{ p: string }>(
        await database.db.execute(
          sql`SELECT chain_pos AS p FROM audit_events WHERE action = 'today'`,
        ),
      )[0]!.p;
      await expect(
        database.db.transaction((tx) => trimAuditEvents({ tx, through: Number(todayPos) })),
      ).rejects.toThrow();
      await expect(database.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
      expect(await verify()).toMatchObject({ ok: true });
    });
  });
}
