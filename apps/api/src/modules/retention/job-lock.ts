import pg from 'pg';
import type { Db } from '../../db/database.js';

/** Chosen once; must stay the same in every version (one retention run at a time). */
export const RETENTION_LOCK_KEY = 7_301_011;

/** The embedded database runs in one process (its folder is locked): one run per client there. */
const runningOn = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `job` while holding the job's lock, or returns `{ ran: false }` when another run holds it
 * (`wait`: waits for it instead). On PostgreSQL a session advisory lock on a connection of its
 * own, so several server instances (and the CLI) run the job once; it is released when the
 * connection ends, even if the process dies. The embedded database is opened by one process
 * only, and there one run at a time is kept in memory.
 */
export async function withJobLock<T>(
  db: Db,
  { key = RETENTION_LOCK_KEY, wait = false }: { key?: number; wait?: boolean },
  job: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) {
    const connection = await client.connect();
    let locked = false;
    try {
      if (wait) {
        await connection.query('SELECT pg_advisory_lock($1)', [key]);
        locked = true;
      } else {
        const result = await connection.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1) AS locked',
          [key],
        );
        locked = result.rows[0]?.locked === true;
      }
      if (!locked) return { ran: false };
      return { ran: true, value: await job() };
    } finally {
      if (locked) await connection.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
      connection.release();
    }
  }
  const owner = client as object;
  for (;;) {
    const running = runningOn.get(owner);
    if (!running) break;
    if (!wait) return { ran: false };
    await running.catch(() => {});
  }
  const run = job();
  runningOn.set(owner, run);
  try {
    return { ran: true, value: await run };
  } finally {
    runningOn.delete(owner);
  }
}
