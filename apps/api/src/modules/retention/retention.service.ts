import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import * as erase from '../deletion/erase.js';
import { expireDueListings } from './expiry.js';
import { withJobLock } from './job-lock.js';
import {
  countDue,
  deleteAuditTerms,
  findDueIds,
  findDueListings,
  recordJobEnd,
  recordJobStart,
  scanDueIds,
  type DueRule,
} from './retention.repository.js';
import {
  addCounts,
  retentionCutoffs,
  type RetentionCutoffs,
  type RetentionResult,
} from './retention.rules.js';
import type { RetentionSettings } from './retention.settings.js';

/** The deletion primitives (modules/deletion/erase.ts), batch forms. */
interface DeletionContext {
  tx: Tx;
  audit: AuditService;
  actorId: string | null;
  rule: string;
  at: Date;
}
type Counts = { counts: Record<string, number> };
export interface Deleters {
  erasePersons(ctx: DeletionContext & { personIds: readonly string[] }): Promise<Counts>;
  deleteListings(ctx: DeletionContext & { listingIds: readonly string[] }): Promise<Counts>;
  deleteIncidents(
    ctx: DeletionContext & { incidentIds: readonly string[]; skipGrounding?: boolean },
  ): Promise<Counts>;
}

export const RETENTION_JOB = 'retention';

export type RetentionRun = RetentionResult | { skipped: 'running elsewhere' };

export type RetentionService = ReturnType<typeof createRetentionService>;

/**
 * The retention job: expires listings past their date, then deletes what is due under each
 * rule — ids read a page at a time, deleted 1,000 per transaction — through the deletion primitives (audit event and ledger
 * entry per item, never content). One run at a time across all instances (advisory lock);
 * each run is recorded in `job_runs`.
 */
export function createRetentionService({
  db,
  audit,
  clock,
  timeZone,
  settings,
  deleters = erase,
  flush,
  batchSize: BATCH = 1000,
  pageSize: PAGE = 50_000,
  trimAudit,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  timeZone: string;
  settings: Pick<RetentionSettings, 'months'>;
  /** The deletion primitives; tests may pass others. */
  deleters?: Deleters;
  /** Appends the deletion records to the ledger file (the deletion service's `flush`). */
  flush?: () => Promise<unknown>;
  /** Items per transaction. */
  batchSize?: number;
  /** Ids read per query for the batches. */
  pageSize?: number;
  /** Audit retention (audit.trim.ts): removes the chain's head up to the cutoff, anchored. */
  trimAudit?: (cutoff: Date, options?: { dryRun: boolean }) => Promise<{ removed: number }>;
}) {
  /**
   * Finds the ids due under `rule` a page at a time (one set-based query per page), and deletes
   * them `BATCH` at a time, one transaction each: `batch` re-checks its ids in that transaction
   * (an item that stopped being due since the page was read is left), so a crash leaves whole
   * batches done and the rest due for the next run.
   */
  async function inPages(
    rule: DueRule,
    cutoffs: RetentionCutoffs,
    result: RetentionResult,
    batch: (tx: Tx, ids: string[]) => Promise<void>,
  ) {
    let after: string | null = null;
    for (;;) {
      const ids = await scanDueIds({ db, rule, cutoffs, limit: PAGE, after });
      result.due += ids.length;
      for (let i = 0; i < ids.length; i += BATCH) {
        const part = ids.slice(i, i + BATCH);
        await db.transaction((tx) => batch(tx, part));
      }
      if (ids.length < PAGE) return;
      after = ids.at(-1)!;
    }
  }

  async function deleteDue(result: RetentionResult) {
    const now = clock.now();
    const cutoffs = retentionCutoffs({ now, timeZone, months: settings.months });
    const ctx = (tx: Tx, rule: string) => ({
      tx,
      audit,
      actorId: null,
      rule: `retention.${rule}`,
      at: now,
    });
    const take = (counts: Record<string, number>) => addCounts(result.by_kind, counts);

    await inPages('closed_listings', cutoffs, result, async (tx, ids) => {
      const due = await findDueListings({ db: tx, cutoffs, ids });
      const personIds = [...new Set(due.filter((d) => d.erasePerson).map((d) => d.personId))];
      const listingIds = due.filter((d) => !d.erasePerson).map((d) => d.id);
      const erased = await deleters.erasePersons({ ...ctx(tx, 'closed_listings'), personIds });
      const deleted = await deleters.deleteListings({ ...ctx(tx, 'closed_listings'), listingIds });
      take(erased.counts);
      take(deleted.counts);
    });

    for (const rule of [
      'rejected_reports',
      'unlisted_incidents',
      'erased_person_incidents',
    ] as const) {
      await inPages(rule, cutoffs, result, async (tx, ids) => {
        const incidentIds = await findDueIds({ db: tx, rule, cutoffs, ids });
        const { counts } = await deleters.deleteIncidents({
          ...ctx(tx, rule),
          incidentIds,
          skipGrounding: true,
        });
        take(counts);
      });
    }

    await inPages('persons', cutoffs, result, async (tx, ids) => {
      const personIds = await findDueIds({ db: tx, rule: 'persons', cutoffs, ids });
      const { counts } = await deleters.erasePersons({ ...ctx(tx, 'persons'), personIds });
      take(counts);
    });

    // Look-up terms: deleted directly, one audit event per batch with the count and seq range.
    for (;;) {
      const gone = await db.transaction(async (tx) => {
        const deleted = await deleteAuditTerms({ tx, before: cutoffs.audit_terms, limit: BATCH });
        if (deleted.count > 0) {
          await audit.record({
            tx,
            actor: null,
            action: 'deletion.audit_terms',
            subject: null,
            details: {
              rule: 'retention.audit_terms',
              count: deleted.count,
              firstSeq: deleted.firstSeq,
              lastSeq: deleted.lastSeq,
            },
          });
        }
        return deleted.count;
      });
      result.due += gone;
      take({ audit_terms: gone });
      if (gone < BATCH) break;
    }
    // The audit log itself, last: this run's own events are young and stay.
    if (trimAudit) {
      const { removed } = await trimAudit(cutoffs.audit_events);
      result.due += removed;
      take({ audit_events: removed });
    }
    result.deleted = Object.values(result.by_kind).reduce((a, b) => a + b, 0);
  }

  async function dryRun(): Promise<RetentionResult> {
    const { expired } = await expireDueListings({ db, audit, clock, timeZone, dryRun: true });
    const cutoffs = retentionCutoffs({ now: clock.now(), timeZone, months: settings.months });
    const byKind: Record<string, number> = {};
    addCounts(byKind, await countDue({ db, cutoffs }));
    if (trimAudit) {
      const { removed } = await trimAudit(cutoffs.audit_events, { dryRun: true });
      addCounts(byKind, { audit_events: removed });
    }
    const due = Object.values(byKind).reduce((a, b) => a + b, 0);
    return { dry_run: true, expired, due, deleted: 0, by_kind: byKind };
  }

  return {
    /**
     * Runs the job once. `dryRun` changes nothing and counts what a run would expire and delete
     * now. `wait`: wait for a run elsewhere to end instead of skipping (the CLI).
     */
    async run({ dryRun: dry = false, wait = false }: { dryRun?: boolean; wait?: boolean } = {}) {
      if (dry) return dryRun();
      const outcome = await withJobLock(db, { wait }, async () => {
        await recordJobStart({ db, name: RETENTION_JOB, at: clock.now() });
        const result: RetentionResult = {
          dry_run: false,
          expired: 0,
          due: 0,
          deleted: 0,
          by_kind: {},
        };
        try {
          result.expired = (await expireDueListings({ db, audit, clock, timeZone })).expired;
          await deleteDue(result);
        } finally {
          // What was committed is recorded even when a later batch failed.
          await recordJobEnd({ db, name: RETENTION_JOB, at: clock.now(), result: { ...result } });
          if (flush) await flush();
        }
        return result;
      });
      return outcome.ran ? outcome.value : ({ skipped: 'running elsewhere' } as const);
    },
  };
}
