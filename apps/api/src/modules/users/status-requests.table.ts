import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';

/**
 * Disabling or re-enabling an account that holds a four-eyes role waits here for a second
 * person (status-requests.policy.ts). One open request per account; a decided request is
 * deleted, its history stays in the audit log.
 */
export const userStatusRequests = pgTable('user_status_requests', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** `disable` or `enable`. */
  action: text('action').notNull(),
  reason: text('reason'),
  requestedBy: uuid('requested_by')
    .notNull()
    .references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
});
