import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Protokoll: append-only, hash-chained (README.md beside this file). An event is inserted in the
 * transaction of the action it records, complete with `content_hash`, and linked into the chain
 * right after its commit by the one chainer (`chain_pos`, `prev_hash`, `hash`, set once).
 * Triggers (migrations `audit_append_only`, `audit_chain_after_commit`) refuse DELETE and
 * TRUNCATE and every UPDATE except that one linking.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** The event's number, from a sequence: known in its transaction; rolled-back ones leave gaps. */
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    purpose: text('purpose'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /**
     * SHA-256 over the canonical JSON of the event's fields and `seq`, computed at insert: an
     * event edited before it is linked no longer gives it. Null only for events chained before
     * migration 0023, whose `hash` covers their fields directly.
     */
    contentHash: text('content_hash'),
    /** Gap-free position in the chain, assigned at link time in the order commits are seen. */
    chainPos: bigint('chain_pos', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    check('audit_events_seq_positive', sql`${t.seq} > 0`),
    // every event either carries its content hash or was chained before there was one
    check(
      'audit_events_hashed',
      sql`${t.contentHash} IS NOT NULL OR (${t.chainPos} IS NOT NULL AND ${t.hash} IS NOT NULL)`,
    ),
    check(
      'audit_events_linked_whole',
      sql`(${t.chainPos} IS NULL) = (${t.hash} IS NULL) AND (${t.chainPos} IS NULL) = (${t.prevHash} IS NULL)`,
    ),
    uniqueIndex('audit_events_chain_pos_idx').on(t.chainPos),
    // what the chainer still has to link
    index('audit_events_unlinked_idx')
      .on(t.seq)
      .where(sql`${t.chainPos} IS NULL`),
    // the DPO's views (audit-views.repository.ts): newest first per user, subject and action,
    // so that a page stays one index range at ten million events
    index('audit_events_actor_seq_idx').on(t.actorId, t.seq),
    index('audit_events_subject_seq_idx')
      .on(t.subjectType, t.subjectId, t.seq)
      .where(sql`${t.subjectId} IS NOT NULL`),
    index('audit_events_action_seq_idx').on(t.action, t.seq),
    // the DPO's search by part of a file number or purpose (ILIKE '%…%'): trigrams, so that it
    // does not read the whole log at ten million events
    index('audit_events_purpose_trgm_idx').using('gin', sql`${t.purpose} gin_trgm_ops`),
    // the anomaly scan (modules/anomalies): one user's look-ups of one day
    index('audit_events_lookup_actor_time_idx')
      .on(t.actorId, t.occurredAt)
      .where(sql`${t.action} = 'register.lookup'`),
  ],
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
