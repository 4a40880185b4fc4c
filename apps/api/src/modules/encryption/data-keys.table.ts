import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Data keys (DEKs) of the field encryption, each wrapped by the key-encryption key from the
 * configuration (`ZEMAG_DATA_KEY_FILE`): the database alone never holds a usable key. One key
 * is active (new values are sealed with it); older ones stay until no value uses them.
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    id: integer('id').primaryKey(),
    /** `kw1:<iv>:<ciphertext>:<tag>` (field-crypto.ts). */
    wrappedKey: text('wrapped_key').notNull(),
    /** Which key-encryption key wrapped it (a hash, never the key). */
    kekId: text('kek_id').notNull(),
    active: boolean('active').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('data_keys_one_active')
      .on(t.active)
      .where(sql`active`),
  ],
);
