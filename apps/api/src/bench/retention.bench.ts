import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createManualClock } from '../clock.js';
import { openDatabase, type Db } from '../db/database.js';
import { createAuditChainer } from '../modules/audit/audit.chainer.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createDeletionService } from '../modules/deletion/deletion.service.js';
import { readLedger } from '../modules/deletion/ledger-file.js';
import { createRetentionService } from '../modules/retention/retention.service.js';
import { DEFAULT_RETENTION_MONTHS } from '../modules/retention/retention.settings.js';

/**
 * `zemag bench retention`: `persons` persons, each with one confirmed incident and one listing;
 * every tenth listing was closed two years ago on an incident three years old (due: the person
 * is erased, the rest of the incident deleted), the others are active. Times one real run as
 * `retention run` makes it, the deletion ledger file written (in a temp folder, removed after),
 * then verifies the audit chain (PGlite in memory, or the EMPTY PostgreSQL database in
 * `databaseUrl`). Returns the numbers for one JSON line.
 */
export async function benchRetention({
  persons,
  databaseUrl,
}: {
  persons: number;
  databaseUrl?: string;
}) {
  const database = await openDatabase(
    databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: null },
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-bench-retention-'));
  try {
    await database.migrate();
    const db = database.db;
    const seedStart = performance.now();
    await seedRetentionBench({ db, persons });
    const seedMs = Math.round(performance.now() - seedStart);

    const clock = createManualClock(new Date());
    const audit = createAuditService({ clock });
    const file = path.join(folder, 'deletion-ledger.jsonl');
    const deletion = createDeletionService({ db, file, clock, audit });
    const service = createRetentionService({
      db,
      audit,
      clock,
      timeZone: 'Europe/Berlin',
      settings: { months: DEFAULT_RETENTION_MONTHS },
      flush: () => deletion.flush(),
    });
    const dryStart = performance.now();
    const dry = await service.run({ dryRun: true });
    const dryRunMs = Math.round(performance.now() - dryStart);
    const start = performance.now();
    const result = await service.run();
    const runMs = Math.round(performance.now() - start);
    const verifyStart = performance.now();
    await createAuditChainer({ db }).drain();
    const chain = await audit.verify({ db });
    const verifyMs = Math.round(performance.now() - verifyStart);
    return {
      engine: database.engine,
      persons,
      seedMs,
      dryRunMs,
      runMs,
      due: 'due' in dry ? dry.due : null,
      result,
      ledgerLines: readLedger(file).lines.length,
      auditChainOk: chain.ok,
      auditEvents: chain.count,
      verifyMs,
    };
  } finally {
    await database.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The bench's data: `persons` persons, each with one confirmed incident and one listing; every
 * tenth is due (see `benchRetention`).
 */
export async function seedRetentionBench({ db, persons }: { db: Db; persons: number }) {
  await db.execute(sql`
    INSERT INTO users (id, username, display_name, created_at)
    VALUES ('00000000-0000-4000-8000-000000000001', 'bench.registrar', 'Bench', now())`);
  const user = sql`'00000000-0000-4000-8000-000000000001'::uuid`;
  // One statement per 50,000 persons: ids made up front, so every row is written once.
  for (let from = 0; from < persons; from += 50_000) {
    const to = Math.min(persons, from + 50_000) - 1;
    await db.execute(sql`
      WITH n AS (SELECT g, gen_random_uuid() AS pid, gen_random_uuid() AS iid,
                        gen_random_uuid() AS lid, (g % 10 = 0) AS due
                 FROM generate_series(${from}::int, ${to}::int) g),
      p AS (INSERT INTO persons (id, family_name, given_names, created_at, updated_at)
            SELECT pid, 'Person' || g, 'Bench', now() - interval '3 years',
                   CASE WHEN due THEN now() - interval '2 years' ELSE now() END FROM n),
      i AS (INSERT INTO incidents (id, reference, status, reporter_id, occurred_at, categories, level,
              description, injuries, complaint_status, quick, submitted_at, updated_at)
            SELECT iid, 'B-' || g, 'confirmed', ${user},
                   CASE WHEN due THEN now() - interval '3 years' ELSE now() - interval '1 month' END,
                   ARRAY['threat'], 2, 'Bench', 'none', 'yes', false, now() - interval '3 years', now() FROM n),
      ip AS (INSERT INTO incident_persons (incident_id, position, family_name, person_id)
             SELECT iid, 0, 'Person' || g, pid FROM n),
      l AS (INSERT INTO listings (id, person_id, status, level, categories, precautions, valid_until,
              proposed_by, proposed_at, closed_at, updated_at)
            SELECT lid, pid, CASE WHEN due THEN 'expired' ELSE 'active' END, 2, ARRAY['threat'],
                   ARRAY[]::text[],
                   CASE WHEN due THEN (now() - interval '2 years')::date ELSE (now() + interval '1 year')::date END,
                   ${user}, now() - interval '3 years',
                   CASE WHEN due THEN now() - interval '2 years' ELSE NULL END, now() FROM n)
      INSERT INTO listing_incidents (listing_id, incident_id) SELECT lid, iid FROM n`);
  }
  await db.execute(sql`ANALYZE`);
}
