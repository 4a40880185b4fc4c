import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

/**
 * The personal terms of an audit event (the names and dates typed into a look-up), kept apart
 * so that retention can delete them while the chain still verifies: the event's details hold
 * `termsDigest`, SHA-256 over `salt` and the canonical JSON of `terms`. Once the row is gone the
 * digest alone reveals nothing (the random salt went with it).
 */
export const auditTerms = pgTable(
  'audit_terms',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    salt: text('salt').notNull(),
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  // Retention deletes the terms by age.
  (t) => [index('audit_terms_occurred_idx').on(t.occurredAt)],
);
