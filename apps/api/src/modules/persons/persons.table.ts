import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';

/**
 * Persons in the register (only registrars create them, from reports). A merged record keeps
 * its row with `mergedIntoId` set, so history and audit references stay resolvable.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names'),
    /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as far as known. */
    dateOfBirth: text('date_of_birth'),
    notes: text('notes'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => persons.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('persons_family_name_idx').on(sql`lower(${t.familyName})`),
    // Deleting a person checks the records merged into it (retention, erasure).
    index('persons_merged_into_idx')
      .on(t.mergedIntoId)
      .where(sql`merged_into_id is not null`),
  ],
);

/** Aliases and former names (e.g. a birth name). */
export const personNames = pgTable(
  'person_names',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names'),
  },
  (t) => [index('person_names_person_idx').on(t.personId)],
);

/** Addresses with their validity; `validTo` null means current. */
export const personAddresses = pgTable(
  'person_addresses',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    street: text('street').notNull(),
    houseNumber: text('house_number'),
    postalCode: text('postal_code'),
    city: text('city'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [index('person_addresses_person_idx').on(t.personId)],
);
