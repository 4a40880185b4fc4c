import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createDeletionService } from '../modules/deletion/deletion.service.js';
import {
  makeIncident,
  makeListing,
  makePerson,
  makeUser,
} from '../modules/deletion/deletion.fixtures.js';
import { deleteListing, erasePerson } from '../modules/deletion/erase.js';
import { listings } from '../modules/listings/listings.table.js';
import { persons } from '../modules/persons/persons.table.js';
import { assertBuilt, runCli } from '../test-support/processes.js';
import { BackupError } from './backup.command.js';
import { runRestore } from './restore.command.js';

describe('backup and restore of the embedded database (process)', () => {
  let root: string;
  let dataDir: string;
  let ledger: string;
  let env: Record<string, string>;

  beforeAll(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-restore-'));
    dataDir = path.join(root, 'data');
    ledger = path.join(root, 'ledger', 'deletion-ledger.jsonl');
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ZEMAG_DATA_DIR: dataDir,
      ZEMAG_DELETION_LEDGER: ledger,
    };
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function withDatabase<T>(
    run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>,
  ) {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await database.migrate();
      return await run(database.db);
    } finally {
      await database.close();
    }
  }

  const personIds = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) =>
    (await db.select({ id: persons.id }).from(persons)).map((p) => p.id).sort();

  it('deletions made after a backup are made again when it is restored', async () => {
    const clock = createManualClock();
    const audit = createAuditService({ clock });
    const fixtures = await withDatabase(async (db) => {
      const user = await makeUser(db);
      const person = await makePerson(db);
      const other = await makePerson(db);
      const incident = await makeIncident(db, user.id, [person.id]);
      const personListing = await makeListing(db, person.id, user.id, [incident.id]);
      const otherListing = await makeListing(db, other.id, user.id, [], 'expired');
      return { person, other, personListing, otherListing };
    });

    const file = path.join(root, 'zemag.backup');
    const backup = await runCli(['backup', file], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout.trim().split('\n').at(-1)!)).toEqual({
      file,
      bytes: fs.statSync(file).size,
    });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // After the backup: retention deletes a listing, a request erases a person.
    await withDatabase(async (db) => {
      const at = clock.now();
      await db.transaction(async (tx) => {
        const base = { tx, audit, actorId: null, at };
        await deleteListing({
          ...base,
          rule: 'retention.closed_listings',
          listingId: fixtures.otherListing.id,
        });
        await erasePerson({ ...base, rule: 'request.erasure', personId: fixtures.person.id });
      });
      await createDeletionService({ db, file: ledger, clock, audit }).flush();
    });

    // A file that is not a backup changes nothing.
    const garbage = path.join(root, 'not-a-backup.tgz');
    fs.writeFileSync(garbage, 'not a backup');
    const before = {
      ino: fs.statSync(path.join(dataDir, 'pgdata')).ino,
      entries: fs.readdirSync(dataDir).sort(),
    };
    const settleNever = () => Promise.reject(new Error('must not settle'));
    await expect(
      runRestore({
        config: { database: { kind: 'pglite', dataDir }, deletion: { ledgerFile: ledger } },
        file: garbage,
        settle: settleNever,
      }),
    ).rejects.toBeInstanceOf(BackupError);
    // The data folder is as it was: the same database folder, nothing left beside it.
    expect(fs.statSync(path.join(dataDir, 'pgdata')).ino).toBe(before.ino);
    expect(fs.readdirSync(dataDir).sort()).toEqual(before.entries);

    const restore = await runCli(['restore', file], env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    // The person, their listing, the report's narrative and the other listing: gone again.
    expect(JSON.parse(restore.stdout.trim().split('\n').at(-1)!)).toEqual({
      restored: true,
      ledger_reapplied: 4,
    });
    await withDatabase(async (db) => {
      expect(await db.select().from(persons).where(eq(persons.id, fixtures.person.id))).toEqual([]);
      expect(await db.select().from(persons).where(eq(persons.id, fixtures.other.id))).toHaveLength(
        1,
      );
      const left = await db.select({ id: listings.id }).from(listings);
      expect(left.map((l) => l.id)).not.toContain(fixtures.otherListing.id);
      expect(left.map((l) => l.id)).not.toContain(fixtures.personListing.id);
    });
  }, 180_000);

  it('refuses to restore over an edited ledger and leaves the database as it was', async () => {
    const file = path.join(root, 'zemag.backup'); // written by the test before
    const lines = fs.readFileSync(ledger, 'utf8').split('\n');
    const second = JSON.parse(lines[1]!) as { id: string };
    const changed = second.id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    lines[1] = lines[1]!.replace(second.id, changed);
    fs.writeFileSync(ledger, lines.join('\n'));
    const before = {
      ino: fs.statSync(path.join(dataDir, 'pgdata')).ino,
      persons: await withDatabase(personIds),
    };

    const restore = await runCli(['restore', file], env);
    expect(restore.code).toBe(65);
    expect(restore.stdout).toBe('');
    expect(restore.stderr).toContain(`Das Löschprotokoll ${ledger} ist nicht mehr unverändert`);
    expect(restore.stderr).toContain(`The deletion ledger ${ledger} is no longer intact`);
    expect(restore.stderr).toContain('ledger line 2 was changed');
    expect(restore.stderr).toContain('nothing was restored, the database is unchanged');
    expect(restore.stderr).toContain('Es wurde nichts wiederhergestellt');
    // The backup holds the person erased since; it did not come back.
    expect(fs.statSync(path.join(dataDir, 'pgdata')).ino).toBe(before.ino);
    expect(await withDatabase(personIds)).toEqual(before.persons);
  }, 120_000);
});
