import fs from 'node:fs';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { createAuditService } from '../audit/audit.service.js';
import { listings } from '../listings/listings.table.js';
import { persons } from '../persons/persons.table.js';
import { ledgerEntries } from './deletion.table.js';
import { createDeletionService } from './deletion.service.js';
import { makeIncident, makeListing, makePerson, makeUser } from './deletion.fixtures.js';
import { erasePerson } from './erase.js';
import { insertLedgerEntries } from './ledger.repository.js';
import { LedgerBrokenError, readLedger, testLedgerFile } from './ledger-file.js';

const at = new Date('2026-06-01T08:00:00Z');

function linesOf(file: string) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

for (const target of engines) {
  describe.skipIf(target.skip)(`deletion ledger ${engineTitle(target)}`, () => {
    let database: Database;
    const clock = createManualClock();
    const audit = createAuditService({ clock });
    const files: string[] = [];
    const service = (file = testLedgerFile()) => {
      files.push(file);
      return createDeletionService({ db: database.db, file, clock, audit });
    };

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
    });
    afterAll(async () => {
      await database?.close();
      for (const file of files) fs.rmSync(file, { force: true });
    });

    async function eraseNew() {
      const db = database.db;
      const user = await makeUser(db);
      const person = await makePerson(db);
      const incident = await makeIncident(db, user.id, [person.id]);
      const listing = await makeListing(db, person.id, user.id, [incident.id]);
      await db.transaction((tx) =>
        erasePerson({ tx, audit, actorId: null, rule: 'test.erasure', at, personId: person.id }),
      );
      return { person, listing, incident };
    }

    it('appends committed deletions as a hash chain, private, each once', async () => {
      const deletion = service();
      const { person, listing } = await eraseNew();
      expect(await deletion.flush()).toEqual({ written: 3 });
      expect(await deletion.flush()).toEqual({ written: 0 });
      const lines = linesOf(deletion.file);
      expect(lines.map((l) => [l.seq, l.kind])).toEqual([
        [1, 'listing'],
        [2, 'incident_personal_data'],
        [3, 'person'],
      ]);
      expect(lines[0]).toMatchObject({
        id: listing.id,
        rule: 'test.erasure',
        at: at.toISOString(),
      });
      expect(lines[2]).toMatchObject({ id: person.id, prev: lines[1]!.hash });
      expect(lines[0]!.prev).toBe('0'.repeat(64));
      expect(fs.statSync(deletion.file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(deletion.file, 'utf8')).not.toContain('Muster');
      expect(
        await database.db.select().from(ledgerEntries).where(isNull(ledgerEntries.ledgerWrittenAt)),
      ).toEqual([]);
      // Nothing to do on an intact ledger whose deletions hold.
      expect(await deletion.reapply()).toEqual({ reapplied: 0, lines: 3 });
    });

    it('refuses an edited ledger with the line number and deletes nothing', async () => {
      const deletion = service();
      const { person } = await eraseNew();
      await deletion.flush();
      const text = fs.readFileSync(deletion.file, 'utf8');
      const edited = text.replace('"rule":"test.erasure"', '"rule":"test.erasurX"');
      expect(edited).not.toBe(text);
      fs.writeFileSync(deletion.file, edited);
      await database.db.insert(persons).values({ ...person }); // as after a restore
      const error = await deletion.reapply().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerBrokenError);
      expect((error as Error).message).toContain('ledger line 1 was changed');
      expect((error as Error).message).toContain('Zeile 1 wurde verändert');
      expect(
        await database.db.select().from(persons).where(eq(persons.id, person.id)),
      ).toHaveLength(1);
      await expect(deletion.flush()).resolves.toEqual({ written: 0 });
      // A removed line breaks the chain at the line after it.
      const [first, , ...rest] = text.split('\n');
      fs.writeFileSync(deletion.file, [first, ...rest].join('\n'));
      expect(() => readLedger(deletion.file)).toThrow(/ledger line 2 was changed/);
    });

    it('writes a row left unflushed by a crash at the next flush, once; a crash after the append does not write it twice', async () => {
      const file = testLedgerFile();
      // The process ended after COMMIT, before its flush: the row waits in the outbox.
      await eraseNew();
      const first = service(file);
      const { written } = await first.flush();
      expect(written).toBeGreaterThan(0);
      // A crash after the append, before marking: the row is unmarked but in the file.
      const [row] = await database.db
        .insert(ledgerEntries)
        .values({ kind: 'listing', subjectId: crypto.randomUUID(), rule: 'test.crash', at })
        .returning();
      await service(file).flush();
      await database.db
        .update(ledgerEntries)
        .set({ ledgerWrittenAt: null })
        .where(eq(ledgerEntries.id, row!.id));
      const restarted = service(file);
      expect(await restarted.flush()).toEqual({ written: 0 });
      expect(linesOf(file).filter((l) => l.rule === 'test.crash')).toHaveLength(1);
      // A torn last line (the append cut short) is replaced by the next append.
      fs.appendFileSync(file, '{"seq":99,"kind":"li');
      await database.db.transaction((tx) =>
        insertLedgerEntries({
          tx,
          entries: [{ kind: 'listing', subjectId: crypto.randomUUID(), rule: 'test.torn', at }],
        }),
      );
      expect(await service(file).flush()).toEqual({ written: 1 });
      expect(readLedger(file).torn).toBe(false);
    });

    it('two instances flushing at once write each row once, in one chain', async () => {
      const file = testLedgerFile();
      await service(file).flush();
      const before = readLedger(file).lines.length;
      await database.db.transaction((tx) =>
        insertLedgerEntries({
          tx,
          entries: Array.from({ length: 40 }, () => ({
            kind: 'listing',
            subjectId: crypto.randomUUID(),
            rule: 'test.parallel',
            at,
          })),
        }),
      );
      const a = service(file);
      const b = service(file);
      const results = await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
      expect(results.reduce((n, r) => n + r.written, 0)).toBe(40);
      const { lines } = readLedger(file);
      expect(lines.length - before).toBe(40);
      expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    });

    it('re-applies deletions and the last restriction state after they came back', async () => {
      const file = testLedgerFile();
      const db = database.db;
      const user = await makeUser(db);
      const person = await makePerson(db);
      const other = await makePerson(db);
      const listing = await makeListing(db, other.id, user.id, []);
      await db.transaction(async (tx) => {
        await erasePerson({ tx, audit, actorId: null, rule: 'test.x', at, personId: person.id });
        await insertLedgerEntries({
          tx,
          entries: [
            {
              kind: 'restriction_set',
              subjectId: listing.id,
              rule: 'r',
              at,
              facts: { until: '2026-07-01' },
            },
            { kind: 'restriction_lifted', subjectId: listing.id, rule: 'r', at },
            {
              kind: 'restriction_set',
              subjectId: listing.id,
              rule: 'r',
              at: new Date(+at + 1),
              facts: { until: '2026-08-01' },
            },
          ],
        });
      });
      const deletion = service(file);
      await deletion.flush();
      // As after restoring an older backup: the person is back, the restriction is not.
      await db.insert(persons).values({ ...person });
      expect((await deletion.reapply()).reapplied).toBe(2);
      expect(await db.select().from(persons).where(eq(persons.id, person.id))).toEqual([]);
      const [after] = await db.select().from(listings).where(eq(listings.id, listing.id));
      expect(after).toMatchObject({ restricted: true, restrictedUntil: '2026-08-01' });
      expect((await deletion.reapply()).reapplied).toBe(0);
    });
  });
}
