import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments } from '../departments/departments.table.js';
import { persons } from '../persons/persons.table.js';

/**
 * Search keys of the look-up, derived from persons, their names and addresses by
 * `refreshSearchKeys` (never edited by hand). The look-up expands the words asked for through
 * `lookup_words` (same word, same Kölner Phonetik code, pg_trgm-similar spelling), then finds
 * persons by word equality narrowed by the date of birth: every step is an index probe.
 */

/**
 * One row per word of every family name of a person (current name, aliases, former names; a
 * double name gives one row per part and one for the parts written together).
 */
export const personSearchKeys = pgTable(
  'person_search_keys',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** `primary`, `alias` or `former`. */
    nameKind: text('name_kind').notNull(),
    /** Folded word (normalise.ts `foldToken`): "muller". */
    word: text('word').notNull(),
    /** First folded given name of that name variant and its Kölner Phonetik code. */
    givenWord: text('given_word'),
    givenCode: text('given_code'),
    birthYear: smallint('birth_year'),
    birthMonth: smallint('birth_month'),
    birthDay: smallint('birth_day'),
  },
  (t) => [
    // Every column the pre-selection reads is in these three indexes (index-only scans: no
    // heap access per key row; the coarse score needs word, given name and date).
    index('person_search_keys_word_year_idx').on(
      t.word,
      t.birthYear,
      t.birthMonth,
      t.birthDay,
      t.givenCode,
      t.givenWord,
      t.personId,
    ),
    index('person_search_keys_word_month_day_idx').on(
      t.word,
      t.birthMonth,
      t.birthDay,
      t.birthYear,
      t.givenCode,
      t.givenWord,
      t.personId,
    ),
    // Given name and full date of birth: finds a person whose family name changed (marriage).
    index('person_search_keys_given_date_idx').on(
      t.givenCode,
      t.birthYear,
      t.birthMonth,
      t.birthDay,
      t.personId,
    ),
    // Family word and given name regardless of the date of birth (a mistyped date).
    index('person_search_keys_word_given_idx').on(
      t.word,
      t.givenCode,
      t.birthYear,
      t.birthMonth,
      t.birthDay,
      t.givenWord,
      t.personId,
    ),
    index('person_search_keys_person_idx').on(t.personId),
  ],
);

/**
 * Every family-name word ever indexed, with its phonetic code: the small table the fuzzy part
 * of the search runs on (trigram GIN, code B-tree). Words are never removed; a word no person
 * carries any more simply finds nobody.
 */
export const lookupWords = pgTable(
  'lookup_words',
  {
    word: text('word').primaryKey(),
    /** Kölner Phonetik (strict) of the word. */
    code: text('code').notNull(),
  },
  (t) => [
    // Word and code in the indexes too: the expansion reads them without touching the table.
    index('lookup_words_code_idx').on(t.code, t.word),
    index('lookup_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
    // Similar spellings are looked for among words of the same first letter and about the same
    // length: a few thousand similarity() calls instead of every word sharing one trigram.
    index('lookup_words_initial_length_idx').on(
      sql`left(${t.word}, 1)`,
      sql`length(${t.word})`,
      t.word,
      t.code,
    ),
  ],
);

/**
 * One row per address of a person, current and former (the ranking reads the validity from
 * `person_addresses`), in the keys of address.ts.
 */
export const personAddressKeys = pgTable(
  'person_address_keys',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** address.ts `streetKey`: "kolnerstrasse". */
    streetKey: text('street_key').notNull(),
    /** The number part of the house number (12 of "12a-14"), for equality and ranges. */
    houseNumber: integer('house_number'),
    postalCode: text('postal_code'),
    cityKey: text('city_key'),
  },
  (t) => [
    // Street in a postal code, street and house number (a wrong postal code), house number in a
    // postal code (a mistyped street): each an index-only range.
    index('person_address_keys_street_idx').on(
      t.streetKey,
      t.postalCode,
      t.houseNumber,
      t.personId,
    ),
    index('person_address_keys_street_house_idx').on(t.streetKey, t.houseNumber, t.personId),
    index('person_address_keys_postal_idx').on(t.postalCode, t.houseNumber, t.personId),
    index('person_address_keys_person_idx').on(t.personId),
  ],
);

/**
 * Which department was shown a person, and when (Art. 15(1)(c) GDPR: the recipients). Written
 * in the look-up's transaction, one row per person shown; goes with the person (cascade). The
 * employee is not kept here: the audit event (`auditSeq`) has them, for the DPO only.
 */
export const lookupDisclosures = pgTable(
  'lookup_disclosures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id').references(() => departments.id, {
      onDelete: 'set null',
    }),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('lookup_disclosures_person_idx').on(t.personId, t.occurredAt)],
);
