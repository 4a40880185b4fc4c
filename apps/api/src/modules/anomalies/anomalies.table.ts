import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Findings of the anomaly rules (README beside this file): one per user, rule and key (the
 * local day, and for some rules a file number or an event), so that a scan run twice finds
 * nothing new. The DPO marks a finding reviewed with a note; that is final.
 */
export const anomalyFindings = pgTable(
  'anomaly_findings',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    rule: text('rule').notNull(),
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    windowEnd: timestamp('window_end', { withTimezone: true, mode: 'date' }).notNull(),
    /** The audit events (`seq`) the finding rests on. */
    eventSeqs: bigint('event_seqs', { mode: 'number' }).array().notNull(),
    facts: jsonb('facts').$type<Record<string, string | number>>().notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status').notNull().default('open'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewNote: text('review_note'),
  },
  (t) => [
    uniqueIndex('anomaly_findings_rule_actor_key_idx').on(t.rule, t.actorId, t.key),
    index('anomaly_findings_status_detected_idx').on(t.status, t.detectedAt),
    check('anomaly_findings_status', sql`${t.status} IN ('open', 'reviewed')`),
    check(
      'anomaly_findings_reviewed_whole',
      sql`(${t.status} = 'reviewed') = (${t.reviewedBy} IS NOT NULL AND ${t.reviewedAt} IS NOT NULL AND ${t.reviewNote} IS NOT NULL)`,
    ),
  ],
);

/** How far the scan has read the chain (`chain_pos`): one row. */
export const anomalyScan = pgTable(
  'anomaly_scan',
  {
    id: integer('id').primaryKey(),
    lastPosition: bigint('last_position', { mode: 'number' }).notNull(),
    scannedAt: timestamp('scanned_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [check('anomaly_scan_one_row', sql`${t.id} = 1`)],
);
