import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';
import { incidents } from '../incidents/incidents.table.js';
import { persons } from '../persons/persons.table.js';

/**
 * Listings (Gefährdungshinweise): `proposed` → `active` → `expired` | `ended`, or `proposed` →
 * `declined`; `restricted` hides an active listing from field look-ups while a dispute runs
 * (Art. 18 GDPR), until `restrictedUntil` at the latest is it decided. `closedAt`: when it
 * became expired, ended or declined (the retention periods run from there). An extension is
 * proposed by one registrar (`extension*`) and confirmed by another.
 */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    status: text('status').notNull(),
    restricted: boolean('restricted').notNull().default(false),
    level: smallint('level').notNull(),
    categories: text('categories').array().notNull(),
    precautions: text('precautions').array().notNull(),
    precautionsText: text('precautions_text'),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date' }).notNull(),
    activatedBy: uuid('activated_by').references(() => users.id),
    activatedAt: timestamp('activated_at', { withTimezone: true, mode: 'date' }),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    /** When the listing became expired, ended or declined. */
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** The date by which a restriction (dispute) is to be decided. */
    restrictedUntil: date('restricted_until', { mode: 'string' }),
    /** A proposed extension waiting for a second registrar. */
    extensionValidUntil: date('extension_valid_until', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    extensionProposedBy: uuid('extension_proposed_by').references(() => users.id),
    extensionProposedAt: timestamp('extension_proposed_at', { withTimezone: true, mode: 'date' }),
    /** Art. 14 GDPR letter: `pending` → `sent` (date) or `held_back` (reason, review date). */
    notificationState: text('notification_state').notNull().default('pending'),
    notificationSentOn: date('notification_sent_on', { mode: 'string' }),
    notificationHoldReason: text('notification_hold_reason'),
    notificationReviewOn: date('notification_review_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('listings_person_idx').on(t.personId),
    index('listings_status_idx').on(t.status, t.validUntil),
    // The start page's restrictions past their decide-by date (few rows are restricted).
    index('listings_restricted_idx')
      .on(t.restrictedUntil)
      .where(sql`restricted`),
    index('listings_closed_idx')
      .on(t.closedAt)
      .where(sql`closed_at is not null`),
    // At most one proposed or active listing per person.
    uniqueIndex('listings_one_open_per_person_idx')
      .on(t.personId)
      .where(sql`status in ('proposed', 'active')`),
  ],
);

/** The confirmed incidents a listing rests on. */
export const listingIncidents = pgTable(
  'listing_incidents',
  {
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
  },
  (t) => [
    primaryKey({ columns: [t.listingId, t.incidentId] }),
    // Deleting a report checks whether a listing rests on it (retention).
    index('listing_incidents_incident_idx').on(t.incidentId),
  ],
);

/** Every change of a listing: who, when, what, why. */
export const listingHistory = pgTable(
  'listing_history',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    /** Null for the system (the expiry job). */
    actorId: uuid('actor_id').references(() => users.id),
    reason: text('reason'),
    changes: jsonb('changes').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('listing_history_listing_idx').on(t.listingId, t.at)],
);
