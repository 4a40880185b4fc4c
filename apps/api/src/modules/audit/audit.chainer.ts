import type { Db } from '../../db/database.js';
import { GENESIS_HASH } from './audit.canonical.js';
import { linkAuditEvents } from './audit.repository.js';

/** How many events one round links in one statement (and one transaction). */
const ROUND_LIMIT = 500;

export type AuditChainer = ReturnType<typeof createAuditChainer>;

/**
 * The one writer of the chain head (README.md beside this file): links committed events into
 * the chain shortly after their commits. Woken by every record (`wake`), it waits `settleMs` so
 * that the recording transaction has committed and several events go in one round, and sweeps
 * every `sweepMs` for the events of other processes and of a crash. Across processes the
 * chain-head lock decides: a round that finds it taken leaves the events to its holder.
 */
export function createAuditChainer({
  db,
  settleMs = 20,
  sweepMs = 1000,
}: {
  db: Db;
  /** Delay between a wake-up and the round, and between rounds while events keep coming. */
  settleMs?: number;
  /** Interval of the sweep once `start` ran. */
  sweepMs?: number;
}) {
  let timer: NodeJS.Timeout | null = null;
  let sweep: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let wanted = false;
  let stopped = false;
  /** A failed round (database gone, shutting down): logged by the caller, retried by the sweep. */
  let onError: (error: unknown) => void = () => {};

  /** Links everything committed now; null when another chainer holds the chain head. */
  async function linkAll(): Promise<number | null> {
    let total = 0;
    for (;;) {
      const { linked } = await linkAuditEvents({
        db,
        limit: ROUND_LIMIT,
        genesisHash: GENESIS_HASH,
      });
      if (linked === null) return total > 0 ? total : null;
      total += linked;
      if (linked < ROUND_LIMIT) return total;
    }
  }

  function schedule() {
    if (stopped || timer || running) return;
    timer = setTimeout(round, settleMs);
    timer.unref();
  }

  function round() {
    timer = null;
    wanted = false;
    running = linkAll()
      .then((linked) => {
        // events keep coming (or another chainer had the head): look again shortly
        if (linked !== 0) wanted = true;
      })
      .catch(onError)
      .finally(() => {
        running = null;
        if (wanted) schedule();
      });
  }

  return {
    /** An event was recorded: link it once its transaction has committed. */
    wake() {
      wanted = true;
      schedule();
    },

    /** Links what an earlier run left unlinked (a crash) and sweeps from now on. */
    start({ onError: report }: { onError?: (error: unknown) => void } = {}) {
      if (report) onError = report;
      stopped = false;
      sweep ??= setInterval(() => {
        wanted = true;
        schedule();
      }, sweepMs);
      sweep.unref();
      wanted = true;
      schedule();
    },

    /**
     * Links every event committed so far and returns how many; waits while another chainer
     * holds the chain head (it links them), at most `timeoutMs`.
     */
    async drain({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      let total = 0;
      for (;;) {
        await running;
        const linked = await linkAll();
        if (linked !== null) total += linked;
        if (linked === 0) return total;
        if (Date.now() > deadline) throw new Error('audit chain: the chain head stayed locked');
        if (linked === null) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },

    /** Stops waking and sweeping, waits for a round under way, and links what is left. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (sweep) clearInterval(sweep);
      timer = null;
      sweep = null;
      await running;
      await linkAll().catch(onError);
    },
  };
}
