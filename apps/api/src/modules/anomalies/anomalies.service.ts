import type { FindingPage, FindingQuery, FindingView, AnomalyRuleList } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { withJobLock } from '../retention/job-lock.js';
import {
  countOpenFindings,
  deleteFindingsBefore,
  displayNameOf,
  eventsAfter,
  findingExists,
  listFindings,
  lookupsOf,
  markReviewed,
  scanPosition,
  setScanPosition,
  upsertFindings,
  type FindingRow,
} from './anomalies.repository.js';
import {
  ANOMALY_RULES,
  evaluateDay,
  familyNameOf,
  type AnomalySettings,
  type AnomalyRule,
} from './anomalies.rules.js';
import { findingSummary, ruleTexts } from './anomalies.texts.js';
import { localClock } from '../../local-date.js';

/** Chosen once; must stay the same in every version (one scan at a time). */
export const ANOMALY_LOCK_KEY = 7_301_012;
const BATCH = 2000;

function view(row: FindingRow): FindingView {
  return {
    id: row.id,
    rule: row.rule as AnomalyRule,
    user: {
      id: row.actorId,
      username: row.username,
      displayName: row.displayName,
      department:
        row.departmentCode !== null
          ? { code: row.departmentCode, name: row.departmentName ?? '' }
          : null,
    },
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    eventSeqs: row.eventSeqs,
    facts: row.facts,
    summary: findingSummary(row.rule, row.facts),
    detectedAt: row.detectedAt.toISOString(),
    status: row.status,
    review:
      row.status === 'reviewed' && row.reviewedBy && row.reviewedAt
        ? {
            by: { id: row.reviewedBy, displayName: row.reviewedByName },
            at: row.reviewedAt.toISOString(),
            note: row.reviewNote ?? '',
          }
        : null,
  };
}

function cursorOf(value: string | undefined): { detectedAt: Date; id: string } | null {
  if (!value) return null;
  const [at, id] = value.split('|') as [string, string];
  const detectedAt = new Date(at);
  if (Number.isNaN(detectedAt.getTime())) {
    throw new AppError(400, 'request.invalid', { field: 'before' });
  }
  return { detectedAt, id };
}

/**
 * Anomaly rules over the audit log (README beside this file): a scan reads the events linked
 * since its last position, re-evaluates the day of every user with new look-ups, and stores
 * findings; the DPO lists them and marks them reviewed with a note. Reads and reviews are
 * audited in their transactions; a scan that finds something records `audit.findings_detected`.
 */
export function createAnomaliesService({
  db,
  audit,
  clock,
  settings,
  fileNumberPattern,
  timeZone,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  settings: AnomalySettings;
  fileNumberPattern: RegExp;
  timeZone: string;
}) {
  /** One batch in one transaction: the findings and the new position commit together. */
  async function scanBatch(): Promise<{ events: number; found: number }> {
    return db.transaction(async (tx) => {
      const position = await scanPosition(tx);
      const events = await eventsAfter(tx, position, BATCH);
      if (events.length === 0) return { events: 0, found: 0 };
      const days = new Map<string, { actorId: string; day: string; from: Date; to: Date }>();
      for (const event of events) {
        if (event.action !== 'register.lookup' || event.actorId === null) continue;
        const { date } = localClock(event.occurredAt, timeZone);
        const key = `${event.actorId}|${date}`;
        const group = days.get(key);
        if (!group) {
          days.set(key, {
            actorId: event.actorId,
            day: date,
            from: event.occurredAt,
            to: event.occurredAt,
          });
        } else {
          if (event.occurredAt < group.from) group.from = event.occurredAt;
          if (event.occurredAt > group.to) group.to = event.occurredAt;
        }
      }
      const found: string[] = [];
      const byRule: Record<string, number> = {};
      const names = new Map<string, string | null>();
      for (const { actorId, day, from, to } of days.values()) {
        // a local day is at most 25 hours long: this window holds all of it
        const lookups = (
          await lookupsOf(
            tx,
            actorId,
            new Date(from.getTime() - 26 * 3_600_000),
            new Date(to.getTime() + 26 * 3_600_000),
          )
        ).filter((l) => localClock(l.occurredAt, timeZone).date === day);
        if (!names.has(actorId)) {
          const displayName = await displayNameOf(tx, actorId);
          names.set(actorId, displayName ? familyNameOf(displayName) : null);
        }
        const drafts = evaluateDay({
          day,
          lookups,
          employeeFamilyName: names.get(actorId) ?? null,
          settings,
          fileNumberPattern,
          timeZone,
        });
        const ids = await upsertFindings(tx, actorId, drafts, clock.now());
        for (const draft of drafts) byRule[draft.rule] = (byRule[draft.rule] ?? 0) + 1;
        found.push(...ids);
      }
      await setScanPosition(tx, events.at(-1)!.position, clock.now());
      if (found.length > 0) {
        await audit.record({
          tx,
          actor: null,
          action: 'audit.findings_detected',
          details: { findings: found, rules: byRule, upToPosition: events.at(-1)!.position },
        });
      }
      return { events: events.length, found: found.length };
    });
  }

  return {
    settings,

    /**
     * Reads every linked event past the last position (at most `maxBatches` × 2,000 per call)
     * and stores what the rules find. `{ ran: false }` when another scan holds the lock.
     */
    async scan({ maxBatches = 50 }: { maxBatches?: number } = {}) {
      const result = await withJobLock(db, { key: ANOMALY_LOCK_KEY }, async () => {
        let events = 0;
        let found = 0;
        for (let i = 0; i < maxBatches; i++) {
          const batch = await scanBatch();
          events += batch.events;
          found += batch.found;
          if (batch.events < BATCH) break;
        }
        return { events, found };
      });
      return result.ran ? { ran: true as const, ...result.value } : { ran: false as const };
    },

    /**
     * Audit retention: findings live as long as the events they rest on. Called after the head
     * of the chain was removed up to `cutoff`; the removal is audited (`audit.findings_removed`).
     */
    async forgetBefore(cutoff: Date): Promise<number> {
      return db.transaction(async (tx) => {
        const removed = await deleteFindingsBefore(tx, cutoff);
        if (removed > 0) {
          await audit.record({
            tx,
            actor: null,
            action: 'audit.findings_removed',
            details: { count: removed, before: cutoff.toISOString() },
          });
        }
        return removed;
      });
    },

    rules(): AnomalyRuleList {
      return {
        rules: ANOMALY_RULES.map((code) => ({
          code,
          ...ruleTexts(code, settings),
          enabled: !settings.off.includes(code),
        })),
        scanMinutes: settings.scanMinutes,
      };
    },

    async findings({
      actor,
      query,
    }: {
      actor: { id: string };
      query: FindingQuery;
    }): Promise<FindingPage> {
      const before = cursorOf(query.before);
      return db.transaction(async (tx) => {
        const rows = await listFindings(tx, {
          status: query.status === 'all' ? null : query.status,
          before,
          limit: query.limit + 1,
        });
        const page = rows.slice(0, query.limit);
        const openCount = await countOpenFindings(tx);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'audit.findings_read',
          details: { status: query.status, before: query.before ?? null, shown: page.length },
        });
        const last = page.at(-1);
        return {
          findings: page.map(view),
          openCount,
          next:
            rows.length > query.limit && last
              ? `${last.detectedAt.toISOString()}|${last.id}`
              : null,
        };
      });
    },

    async review({
      actor,
      id,
      note,
    }: {
      actor: { id: string };
      id: string;
      note: string;
    }): Promise<FindingView> {
      return db.transaction(async (tx) => {
        const marked = await markReviewed(tx, { id, by: actor.id, at: clock.now(), note });
        if (!marked) {
          if (await findingExists(tx, id)) throw new AppError(409, 'anomaly.already_reviewed');
          throw new AppError(404, 'resource.not_found');
        }
        await audit.record({
          tx,
          actor: actor.id,
          action: 'audit.finding_reviewed',
          subject: { type: 'anomaly_finding', id },
          details: { rule: marked.rule, user: marked.actorId, note },
        });
        const [row] = await listFindings(tx, { status: null, before: null, limit: 1, id });
        return view(row!);
      });
    },
  };
}

export type AnomaliesService = ReturnType<typeof createAnomaliesService>;
