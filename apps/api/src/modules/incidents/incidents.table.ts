import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import { persons } from '../persons/persons.table.js';

/** Reports of incidents (Vorfälle). Drafts live only on the device; the server starts at `submitted`. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: serial('number').notNull().unique(),
    reference: text('reference').notNull().unique(),
    status: text('status').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id),
    /** The reporter's department when the report was made (it may change later). */
    reporterDepartmentId: uuid('reporter_department_id').references(() => departments.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    placeAddress: jsonb('place_address'),
    placeDescription: text('place_description'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accuracyMeters: doublePrecision('accuracy_meters'),
    categories: text('categories').array().notNull(),
    /** Null while a one-tap report is incomplete: the registrar's review decides it. */
    level: smallint('level'),
    description: text('description').notNull(),
    injuries: text('injuries').notNull(),
    policeInvolved: boolean('police_involved'),
    complaintStatus: text('complaint_status').notNull(),
    complaintFileNumber: text('complaint_file_number'),
    quick: boolean('quick').notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Optimistic concurrency: every change increments it. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('incidents_reporter_idx').on(t.reporterId, t.submittedAt),
    index('incidents_status_idx').on(t.status, t.submittedAt),
  ],
);

/** Persons involved, as reported; a registrar links them to a person record. */
export const incidentPersons = pgTable(
  'incident_persons',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    familyName: text('family_name'),
    givenNames: text('given_names'),
    dateOfBirth: text('date_of_birth'),
    address: jsonb('address'),
    description: text('description'),
    personId: uuid('person_id').references(() => persons.id),
  },
  (t) => [
    index('incident_persons_incident_idx').on(t.incidentId),
    index('incident_persons_person_idx').on(t.personId),
  ],
);

/** Questions, answers and decision reasons between registrar and reporter. */
export const incidentMessages = pgTable(
  'incident_messages',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('incident_messages_incident_idx').on(t.incidentId, t.createdAt)],
);
