import { sql } from 'drizzle-orm';
import { createManualClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createRetentionService } from '../modules/retention/retention.service.js';
import { DEFAULT_RETENTION_MONTHS } from '../modules/retention/retention.settings.js';

/**
 * `zemag bench retention`: `persons` persons, each with one confirmed incident and one listing;
 * every tenth listing was closed two years ago on an incident three years old (due: the person
 * is erased, the rest of the incident deleted), the others are active. Times one real run
 * (PGlite in memory, or the EMPTY PostgreSQL database in `databaseUrl`). Prints one JSON line.
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
  try {
    await database.migrate();
    const db = database.db;
    const seedStart = performance.now();
    await db.execute(sql`
      INSERT INTO users (id, username, display_name, created_at)
      VALUES ('00000000-0000-4000-8000-000000000001', 'bench.registrar', 'Bench', now())`);
    const user = sql`'00000000-0000-4000-8000-000000000001'::uuid`;
    for (let from = 0; from < persons; from += 50_000) {
      const to = Math.min(persons, from + 50_000) - 1;
      await db.execute(sql`
        WITH n AS (SELECT g, gen_random_uuid() AS pid, gen_random_uuid() AS iid, (g % 10 = 0) AS due
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
               SELECT iid, 0, 'Person' || g, pid FROM n)
        INSERT INTO listings (person_id, status, level, categories, precautions, valid_until,
                proposed_by, proposed_at, closed_at, updated_at)
        SELECT pid, CASE WHEN due THEN 'expired' ELSE 'active' END, 2, ARRAY['threat'], ARRAY[]::text[],
               CASE WHEN due THEN (now() - interval '2 years')::date ELSE (now() + interval '1 year')::date END,
               ${user}, now() - interval '3 years',
               CASE WHEN due THEN now() - interval '2 years' ELSE NULL END, now() FROM n`);
    }
    // The listing–incident links, in one statement (the ids are only known now).
    await db.execute(sql`
      INSERT INTO listing_incidents (listing_id, incident_id)
      SELECT l.id, ip.incident_id FROM listings l JOIN incident_persons ip ON ip.person_id = l.person_id`);
    await db.execute(sql`ANALYZE`);
    const seedMs = Math.round(performance.now() - seedStart);

    const clock = createManualClock(new Date());
    const audit = createAuditService({ clock });
    const service = createRetentionService({
      db,
      audit,
      clock,
      timeZone: 'Europe/Berlin',
      settings: { months: DEFAULT_RETENTION_MONTHS },
    });
    const dryStart = performance.now();
    const dry = await service.run({ dryRun: true });
    const dryRunMs = Math.round(performance.now() - dryStart);
    const start = performance.now();
    const result = await service.run();
    const runMs = Math.round(performance.now() - start);
    return {
      engine: database.engine,
      persons,
      seedMs,
      dryRunMs,
      runMs,
      due: 'due' in dry ? dry.due : null,
      result,
    };
  } finally {
    await database.close();
  }
}
