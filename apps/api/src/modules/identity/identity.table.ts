import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments } from '../departments/departments.table.js';

export const users = pgTable(
  'users',
  {
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
    /** Single sign-on: the identity provider (issuer URL) and its subject id for this user. */
    externalIssuer: text('external_issuer'),
    externalSubject: text('external_subject'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('users_external_identity_idx').on(t.externalIssuer, t.externalSubject)],
);

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
    /**
     * `pending` until a second administrator confirms (four-eyes roles), then `active`;
     * `revoked` keeps the row (and so the grant's history) after a revocation.
     */
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
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    /** When the job audited that the grant stopped working (recertification overdue past the
     * grace, or `endsOn` passed); cleared when it is recertified or extended. */
    lapseRecordedAt: timestamp('lapse_recorded_at', { withTimezone: true, mode: 'date' }),
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
    /** How the first factor was proven: `password` or `oidc`. */
    authMethod: text('auth_method').notNull().default('password'),
    /** The second factor used in this session (`totp`, `webauthn`, `recovery_code`), if any. */
    secondFactor: text('second_factor'),
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/**
 * Failed sign-ins per key (`account:<name>` or `client:<address>`), for the increasing delay.
 * Stored in the database so every API instance sees the same count.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }).notNull(),
});
