import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Dienststellen: Amt → Abteilung. `lookupAuthorised` decides whether `field` grants work. */
export const departments = pgTable('departments', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: uuid('parent_id').references((): AnyPgColumn => departments.id),
  contact: text('contact'),
  /** Telephone for questions about a look-up answer; required for new and edited departments. */
  phone: text('phone'),
  lookupAuthorised: boolean('lookup_authorised').notNull().default(false),
  lookupAuthorisationReason: text('lookup_authorisation_reason'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
