import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock.js';
import { openDatabase, rowsOf } from '../../db/database.js';
import { assertBuilt, startServer, type RunningServer } from '../../test-support/processes.js';
import { createAuditService } from './audit.service.js';

describe('the audit chain when the server is killed while audited requests run', () => {
  const running: RunningServer[] = [];
  const dirs: string[] = [];
  beforeAll(() => assertBuilt());
  afterEach(async () => {
    for (const server of running.splice(0))
      if (server.process.exitCode === null) await server.stop('SIGKILL');
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has an event for every answer given before kill -9, and links all of them after the restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-audit-proc-'));
    dirs.push(dir);
    const env = { ZEMAG_DATA_DIR: dir };
    const first = await startServer(env);
    running.push(first);

    // failed sign-ins are audited (auth.sign_in_failed / _throttled); 40 at once, and the
    // process is killed once 10 have been answered, with the others in flight
    let answered = 0;
    let killed: Promise<number | null> | null = null;
    const attempts = Array.from({ length: 40 }, (_, i) =>
      fetch(`${first.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `niemand.${i}`, password: 'ein falsches Passwort' }),
      }).then(
        (response) => {
          if (killed) return;
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          answered += 1;
          if (answered === 10) killed = first.stop('SIGKILL');
        },
        () => undefined, // cut off by the kill
      ),
    );
    await Promise.all(attempts);
    await (killed ?? first.stop('SIGKILL'));
    expect(answered).toBeGreaterThanOrEqual(10);

    const second = await startServer(env);
    running.push(second);
    expect(await second.stop('SIGTERM')).toBe(0);

    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const [row] = rowsOf<{ n: number }>(
        await database.db.execute(
          sql`SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'auth.sign_in%'`,
        ),
      );
      expect(row!.n).toBeGreaterThanOrEqual(answered);
      const result = await createAuditService({ clock: systemClock }).verify({ db: database.db });
      expect(result).toMatchObject({ ok: true, unlinked: 0 });
    } finally {
      await database.close();
    }
  }, 180_000);
});
