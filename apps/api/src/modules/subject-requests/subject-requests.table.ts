import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';
import { persons } from '../persons/persons.table.js';

/**
 * Data-subject requests (Art. 15–18, 21 GDPR): access, rectification, erasure, restriction,
 * objection. The request outlives an erasure of its person (`personId` set null): it keeps
 * kind, dates, decision and answer date, never the person's data.
 */
export const subjectRequests = pgTable(
  'subject_requests',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** Order of recording across all years (the reference counts within its year). */
    number: serial('number').notNull().unique(),
    /** e.g. `BA-2026-0007`: the 7th request recorded in 2026 (the city's calendar year). */
    reference: text('reference').notNull().unique(),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    /** `access` | `rectification` | `erasure` | `restriction` | `objection`. */
    kind: text('kind').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** How the identity of the requester was checked. */
    identityCheck: text('identity_check').notNull(),
    /** One month after receipt (Art. 12(3)); `extendedDueOn` up to two more, with a reason. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extendedDueOn: date('extended_due_on', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    /** `open` → `answered`. */
    status: text('status').notNull().default('open'),
    /** `granted` | `partly_granted` | `refused`, with its reason. */
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** Erasure: proposed by one registrar, confirmed (carried out) by another. */
    erasureProposedBy: uuid('erasure_proposed_by').references(() => users.id),
    erasureProposedAt: timestamp('erasure_proposed_at', { withTimezone: true, mode: 'date' }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('subject_requests_person_idx').on(t.personId),
    index('subject_requests_open_idx')
      .on(t.dueOn)
      .where(sql`status = 'open'`),
  ],
);

/** The last request number given out in each calendar year: `BA-<year>-<n>` starts at 1. */
export const subjectRequestNumbers = pgTable('subject_request_numbers', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
