import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.js';

/**
 * Second factors: TOTP apps and passkeys (WebAuthn). A TOTP secret is stored encrypted; a
 * passkey only as its public key.
 */
export const userFactors = pgTable(
  'user_factors',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `totp` or `webauthn`. */
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    /** TOTP: the encrypted shared secret. */
    secret: text('secret'),
    /** TOTP: the last time step accepted, so a code is never accepted twice. */
    lastUsedStep: bigint('last_used_step', { mode: 'number' }),
    /** WebAuthn: credential id (base64url). */
    credentialId: text('credential_id').unique(),
    /** WebAuthn: public key (base64url COSE). */
    publicKey: text('public_key'),
    signCount: bigint('sign_count', { mode: 'number' }),
    transports: text('transports').array(),
    /** Null until enrolment is verified with a first code or assertion. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('user_factors_user_id_idx').on(t.userId)],
);

/** One-time recovery codes; only hashes are stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    /**
     * When the user confirmed that they kept the codes; null while the codes were shown but not
     * confirmed (a reload then asks for new codes instead of skipping the confirmation).
     */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** Outstanding WebAuthn challenges (registration or authentication), short-lived. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  /** SHA-256 of the session token the challenge belongs to, plus the purpose. */
  id: text('id').primaryKey(),
  challenge: text('challenge').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
});
