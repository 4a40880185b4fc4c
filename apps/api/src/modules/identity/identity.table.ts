import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departments } from '../departments/departments.table.js';

export const users = pgTable('users', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  /** Lower-case sign-in name. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** Null only for the first administrator created before any department existed. */
  departmentId: uuid('department_id').references(() => departments.id),
  /** argon2id PHC string; null for accounts that sign in only through single sign-on. */
  passwordHash: text('password_hash'),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }),
});

/**
 * Role grants in force or waiting for a second administrator. A revoked grant is deleted; its
 * history stays in the audit log.
 */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** `pending` until a second administrator confirms (four-eyes roles), then `active`. */
    status: text('status').notNull().default('active'),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    /** Last day the grant is valid (inclusive). */
    endsOn: date('ends_on', { mode: 'string' }),
    /** Date by which an administrator must confirm the grant is still needed. */
    recertifyBy: date('recertify_by', { mode: 'string' })
      .notNull()
      .default(sql`(current_date + interval '12 months')::date`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Server-side sessions. Only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', {
      withTimezone: true,
      mode: 'date',
    }).notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);
