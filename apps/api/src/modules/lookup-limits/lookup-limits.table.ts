import { doublePrecision, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';

/**
 * Each user's look-up budget (lookup-limits.policy.ts). In the database, so every server
 * instance counts against the same budget and a restart forgets nothing. A row holds no
 * register data: only how many look-ups are left.
 */
export const lookupBudgets = pgTable('lookup_budgets', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokens: doublePrecision('tokens').notNull(),
  countedAt: timestamp('counted_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Since when the user has been refused; the first refusal of a run is audited, not each. */
  refusedSince: timestamp('refused_since', { withTimezone: true, mode: 'date' }),
});
