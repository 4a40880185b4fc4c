import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';
import { incidents } from '../incidents/incidents.table.js';
import { persons } from '../persons/persons.table.js';

/**
 * Corrections (Art. 16 GDPR) of a person's or an incident's data: who, when, why, and the old
 * and new values. The rows hold personal data, so they go with their person or incident when it
 * is deleted (cascade).
 */
export const corrections = pgTable(
  'corrections',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    /** `{ field: { from, to } }`, aliases and addresses as whole lists. */
    changes: jsonb('changes').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check('corrections_one_subject', sql`(person_id is null) <> (incident_id is null)`),
    index('corrections_person_idx').on(t.personId, t.at),
    index('corrections_incident_idx').on(t.incidentId, t.at),
  ],
);
