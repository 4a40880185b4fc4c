import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Deletion records and restriction changes, without content: kind, id, rule, time. Written in
 * the transaction that deletes or restricts; after COMMIT each row is appended to the deletion
 * ledger file outside the database (`ledgerWrittenAt` set), so a crash between the two leaves
 * the row to be written at the next start (a transactional outbox). A restored backup lacks the
 * newer rows; the ledger file brings them back and they are applied again.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** e.g. `person`, `listing`, `incident`, `incident_personal_data`, `restriction_set`. */
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    /** The retention rule or the request that caused it, e.g. `retention.rejected_reports`. */
    rule: text('rule').notNull(),
    /** Facts without personal content (e.g. a restriction's until date). */
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    ledgerWrittenAt: timestamp('ledger_written_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('ledger_entries_unwritten_idx')
      .on(t.id)
      .where(sql`ledger_written_at is null`),
    index('ledger_entries_subject_idx').on(t.subjectId),
  ],
);

/** The last run of each scheduled job (expiry and retention, grant lapse), for operators. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  result: jsonb('result').$type<Record<string, unknown>>(),
});
