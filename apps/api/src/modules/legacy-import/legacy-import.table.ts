import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';
import { incidents } from '../incidents/incidents.table.js';
import { listings } from '../listings/listings.table.js';
import { persons } from '../persons/persons.table.js';

/**
 * Rows taken over from a city's earlier spreadsheet: the legacy reference (Aktenzeichen) is
 * the key that makes a re-run of the same file create nothing twice.
 */
export const legacyImports = pgTable(
  'legacy_imports',
  {
    /** The reference of the row in the old list, as written there (trimmed). */
    legacyReference: text('legacy_reference').primaryKey(),
    // The ids become null when retention deletes the records; the reference stays, so a re-run
    // of an old file does not bring deleted data back.
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    /** The proposed listing, when the row qualified for one. */
    listingId: uuid('listing_id').references(() => listings.id, { onDelete: 'set null' }),
    /** SHA-256 of the row's values: a re-run tells unchanged rows from changed ones. */
    rowHash: text('row_hash').notNull(),
    importedBy: uuid('imported_by')
      .notNull()
      .references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now()`),
  },
  // Deleting a person, report or listing sets these to null: without an index each deleted
  // record would read the whole table (retention deletes thousands per run).
  (t) => [
    index('legacy_imports_person_idx')
      .on(t.personId)
      .where(sql`person_id is not null`),
    index('legacy_imports_incident_idx')
      .on(t.incidentId)
      .where(sql`incident_id is not null`),
    index('legacy_imports_listing_idx')
      .on(t.listingId)
      .where(sql`listing_id is not null`),
  ],
);
