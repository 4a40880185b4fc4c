import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../clock.js';
import { rowsOf, type Database } from '../db/database.js';
import { hashAuditContent, hashAuditLink } from '../modules/audit/audit.canonical.js';
import { createAuditChainer } from '../modules/audit/audit.chainer.js';
import { createAuditCheckpoints } from '../modules/audit/audit.checkpoints.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { keyIdOf, type AuditSigningKey } from '../modules/audit/audit.signing-key.js';
import { createTestDatabase, engines, engineTitle } from '../test-support/test-database.js';
import { registerAuditCommand } from './audit.command.js';

function newKey(): AuditSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

type Row = Record<string, unknown>;

for (const target of engines) {
  describe.skipIf(target.skip)(`zemag audit verify and checkpoint ${engineTitle(target)}`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-audit-cli-'));
    const clock = createManualClock(new Date('2026-12-06T03:00:00Z'));
    const audit = createAuditService({ clock });
    let database: Database;
    let file: string;

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
    });
    afterAll(async () => {
      await database?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Runs the command as `npm run -s zemag -- …` would, against the test database. */
    async function cli(args: string[], key: AuditSigningKey | null = signingKey) {
      const chainer = createAuditChainer({ db: database.db });
      const services = {
        audit,
        auditChainer: chainer,
        auditCheckpoints: createAuditCheckpoints({
          db: database.db,
          clock,
          settings: { key, file },
          linkPending: () => chainer.drain(),
        }),
      };
      const program = new Command('zemag').exitOverride();
      registerAuditCommand(program, (run) => run(services, database.db));
      const out: string[] = [];
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        out.push(String(chunk));
        return true;
      });
      const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      process.exitCode = undefined;
      try {
        await program.parseAsync(['node', 'zemag', ...args]);
      } finally {
        write.mockRestore();
        errors.mockRestore();
      }
      const exitCode = process.exitCode ?? 0;
      process.exitCode = undefined;
      const last = out.join('').trimEnd().split('\n').at(-1) ?? '';
      return { exitCode, last, json: JSON.parse(last) as Row };
    }

    const signingKey = newKey();
    const record = (action: string) =>
      database.db.transaction((tx) =>
        audit.record({ tx, actor: null, action, details: { action } }),
      );

    /** As a database superuser with the triggers off: what an attacker with full rights can do. */
    const asSuperuser = (
      statements: (
        tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0],
      ) => Promise<void>,
    ) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL session_replication_role = replica`);
        await statements(tx);
      });

    async function chainRows(db: Pick<Database['db'], 'execute'>, fromPosition: number) {
      return rowsOf<Row>(
        await db.execute(
          sql`SELECT * FROM audit_events WHERE chain_pos >= ${fromPosition} ORDER BY chain_pos`,
        ),
      );
    }

    it('signs the chain head, appends it to the file, and verifies the whole log', async () => {
      file = path.join(dir, 'intact.jsonl');
      for (const action of ['a', 'b', 'c']) await record(action);
      const checkpoint = await cli(['audit', 'checkpoint']);
      expect(checkpoint.exitCode).toBe(0);
      expect(checkpoint.json).toMatchObject({
        v: 1,
        key: signingKey.keyId,
        at: '2026-12-06T03:00:00.000Z',
      });
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(checkpoint.last);

      await record('d');
      await cli(['audit', 'checkpoint']);
      const verified = await cli(['audit', 'verify']);
      expect(verified.exitCode).toBe(0);
      const events = Number(
        rowsOf<{ n: string }>(
          await database.db.execute(sql`SELECT count(*) AS n FROM audit_events`),
        )[0]!.n,
      );
      expect(verified.last).toBe(
        `{"events":${events},"ok":true,"first_bad_seq":null,"checkpoints":2,"problem":null}`,
      );
    });

    it('names the sequence number of a row edited behind its back', async () => {
      file = path.join(dir, 'edited.jsonl');
      const edited = await record('to-be-edited');
      await record('after');
      await cli(['audit', 'checkpoint']);
      await asSuperuser(async (tx) => {
        await tx.execute(sql`UPDATE audit_events SET action = 'edited' WHERE seq = ${edited.seq}`);
      });
      const verified = await cli(['audit', 'verify']);
      expect(verified.exitCode).toBe(1);
      expect(verified.json).toMatchObject({ ok: false, first_bad_seq: edited.seq });
      expect(verified.json.problem).toMatch(new RegExp(`event ${edited.seq} was changed`));
      // put it back for the next cases
      await asSuperuser(async (tx) => {
        await tx.execute(
          sql`UPDATE audit_events SET action = 'to-be-edited' WHERE seq = ${edited.seq}`,
        );
      });
      expect((await cli(['audit', 'verify'])).json.ok).toBe(true);
    });

    it('finds a cut-off tail by the checkpoint that vouched for it', async () => {
      file = path.join(dir, 'cut.jsonl');
      await record('kept');
      const signed = await cli(['audit', 'checkpoint']);
      const position = Number(signed.json.position);
      // the chain alone still holds after its last rows are gone: only the checkpoint knows
      await asSuperuser(async (tx) => {
        await tx.execute(sql`DELETE FROM audit_events WHERE chain_pos >= ${position - 1}`);
      });
      expect((await audit.verify({ db: database.db })).ok).toBe(true);
      const verified = await cli(['audit', 'verify']);
      expect(verified.exitCode).toBe(1);
      expect(verified.json).toMatchObject({ ok: false, checkpoints: 1 });
      expect(verified.json.problem).toMatch(/cut off.*ends at position \d+.*position/);
    });

    it('finds a suffix re-hashed after an edit, from the last checkpoint that still holds', async () => {
      file = path.join(dir, 'rehashed.jsonl');
      await record('before');
      const good = await cli(['audit', 'checkpoint']);
      const target = await record('target');
      await record('later');
      await cli(['audit', 'checkpoint']);
      // the forger edits one row and recomputes its hashes and every link after it
      await asSuperuser(async (tx) => {
        const rows = await chainRows(tx, Number(good.json.position) + 1);
        let prevHash = String(rows[0]!.prev_hash);
        for (const row of rows) {
          const fields = {
            seq: Number(row.seq),
            occurredAt: new Date(String(row.occurred_at)),
            actorId: null,
            action: Number(row.seq) === target.seq ? 'forged' : String(row.action),
            subjectType: null,
            subjectId: null,
            purpose: null,
            details: row.details as Record<string, unknown>,
          };
          const contentHash = hashAuditContent(fields);
          const hash = hashAuditLink({ chainPos: Number(row.chain_pos), contentHash, prevHash });
          await tx.execute(sql`UPDATE audit_events SET action = ${fields.action},
            content_hash = ${contentHash}, prev_hash = ${prevHash}, hash = ${hash}
            WHERE seq = ${fields.seq}`);
          prevHash = hash;
        }
      });
      expect((await audit.verify({ db: database.db })).ok).toBe(true);
      const verified = await cli(['audit', 'verify']);
      expect(verified.exitCode).toBe(1);
      expect(verified.json).toMatchObject({ ok: false, first_bad_seq: target.seq, checkpoints: 2 });
      expect(verified.json.problem).toMatch(/rewritten between positions/);
    });

    it('refuses a changed, an unsigned or a foreign checkpoint, and one it has no key for', async () => {
      file = path.join(dir, 'forged.jsonl');
      const fresh = await createTestDatabase(target.engine);
      const own = database;
      database = fresh;
      try {
        await record('x');
        const signed = await cli(['audit', 'checkpoint']);
        const line = JSON.parse(signed.last) as Row;
        const other = path.join(dir, 'other.jsonl');
        const cases: [Row | string, RegExp][] = [
          [{ ...line, position: Number(line.position) + 1 }, /signature does not fit/],
          [{ ...line, signature: undefined }, /unsigned/],
          [{ ...line, key: '0123456789abcdef' }, /names key 0123456789abcdef/],
          ['{"v":1,"position":', /no JSON/],
        ];
        for (const [content, problem] of cases) {
          fs.writeFileSync(
            other,
            `${typeof content === 'string' ? content : JSON.stringify(content)}\n`,
          );
          const verified = await cli(['audit', 'verify', '--checkpoints', other]);
          expect(verified.exitCode).toBe(1);
          expect(verified.json).toMatchObject({ ok: false, checkpoints: 0 });
          expect(verified.json.problem).toMatch(problem);
        }
        // a shipped copy that is not where it was said to be
        const absent = await cli([
          'audit',
          'verify',
          '--checkpoints',
          path.join(dir, 'absent.jsonl'),
        ]);
        expect(absent.exitCode).toBe(1);
        expect(absent.json.problem).toMatch(/absent\.jsonl does not exist/);
        // signed by another key
        const foreign = await cli(['audit', 'verify'], newKey());
        expect(foreign.json.ok).toBe(false);
        expect(foreign.json.problem).toMatch(/not the configured key/);
        // no key configured, but checkpoints to check: never a silent ok
        const keyless = await cli(['audit', 'verify'], null);
        expect(keyless.exitCode).toBe(1);
        expect(keyless.json.problem).toMatch(/without the signing key/);
        // no key, no checkpoint file: the chain alone
        file = path.join(dir, 'none.jsonl');
        expect((await cli(['audit', 'verify'], null)).json).toMatchObject({
          ok: true,
          checkpoints: 0,
        });
      } finally {
        database = own;
        await fresh.close();
      }
    });
  });
}
