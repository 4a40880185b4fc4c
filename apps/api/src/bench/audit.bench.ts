import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createManualClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { createAuditViews } from '../modules/audit/audit-views.service.js';
import { createAuditChainer } from '../modules/audit/audit.chainer.js';
import { createAuditCheckpoints } from '../modules/audit/audit.checkpoints.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { keyIdOf } from '../modules/audit/audit.signing-key.js';

const BATCH = 5000;

/**
 * `zemag bench audit --events N`: N look-up events (each with a file number and one person
 * shown) by 200 users, written in batches and linked by the chainer as the server does; then
 * times what the DPO runs: `audit verify` (the whole chain walk), a signed checkpoint and its
 * check, and one page of the audit views filtered by person, by user and unfiltered (PGlite in
 * memory, or the EMPTY PostgreSQL database in `databaseUrl`). Returns one JSON line's numbers.
 */
export async function benchAudit({
  events,
  databaseUrl,
}: {
  events: number;
  databaseUrl?: string;
}) {
  const database = await openDatabase(
    databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: null },
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-bench-audit-'));
  try {
    await database.migrate();
    const db = database.db;
    const clock = createManualClock(new Date(Date.now() - 400 * 24 * 3_600_000));
    const audit = createAuditService({ clock });
    const chainer = createAuditChainer({ db });
    const users = Array.from({ length: 200 }, () => randomUUID());
    const persons = Array.from({ length: 20_000 }, () => randomUUID());
    const seedStart = performance.now();
    for (let written = 0; written < events; written += BATCH) {
      const n = Math.min(BATCH, events - written);
      await db.transaction((tx) =>
        audit.recordMany({
          tx,
          events: Array.from({ length: n }, (_, i) => {
            const k = written + i;
            return {
              // actors without an account row: the views join users with LEFT JOIN
              actor: users[k % users.length]!,
              action: 'register.lookup',
              purpose: `Hausbesuch: OA-2025/${k}`,
              details: {
                reason: 'home_visit',
                fileNumber: `OA-2025/${k}`,
                view: 'field',
                personIds: [persons[k % persons.length]!],
              },
            };
          }),
        }),
      );
      clock.advance(60_000);
    }
    const seedMs = Math.round(performance.now() - seedStart);
    const linkStart = performance.now();
    await chainer.drain({ timeoutMs: 3_600_000 });
    const linkMs = Math.round(performance.now() - linkStart);

    const verifyStart = performance.now();
    const chain = await audit.verify({ db });
    const verifyMs = Math.round(performance.now() - verifyStart);

    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoints = createAuditCheckpoints({
      db,
      clock,
      settings: {
        key: { privateKey, publicKey, keyId: keyIdOf(publicKey) },
        file: path.join(folder, 'checkpoints.jsonl'),
      },
      linkPending: () => chainer.drain(),
    });
    const checkpointStart = performance.now();
    await checkpoints.write();
    const checks = await checkpoints.check({ headPosition: chain.headPosition });
    const checkpointMs = Math.round(performance.now() - checkpointStart);

    const views = createAuditViews({ db, audit });
    const dpo = { id: randomUUID() };
    const page = async (query: Record<string, string>) => {
      const start = performance.now();
      const result = await views.events({ actor: dpo, query: { limit: 50, ...query } });
      return { ms: Math.round((performance.now() - start) * 10) / 10, shown: result.events.length };
    };
    const pages = {
      newest: await page({}),
      by_user: await page({ user: users[7]! }),
      by_action: await page({ action: 'register.lookup' }),
      by_purpose: await page({ purpose: `OA-2025/${Math.floor(events / 2)}` }),
    };
    return {
      events,
      engine: database.engine,
      seed_ms: seedMs,
      link_ms: linkMs,
      verify_ms: verifyMs,
      verify_events_per_s: Math.round(chain.count / (verifyMs / 1000)),
      verified: chain.ok,
      checkpoint_ms: checkpointMs,
      checkpoint_ok: checks.finding === null,
      page_ms: pages,
    };
  } finally {
    await database.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
