import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Protokoll: append-only, hash-chained. UPDATE, DELETE and TRUNCATE are refused by triggers
 * (see migration `audit_append_only`). `seq` is gap-free because it is assigned under the
 * chain-head advisory lock, not by a sequence.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    purpose: text('purpose'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_events_seq_positive', sql`${t.seq} > 0`)],
);
