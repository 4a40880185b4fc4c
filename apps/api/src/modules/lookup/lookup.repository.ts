import { and, eq, inArray, isNull, SQL, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import { personAddresses, personNames, persons } from '../persons/persons.table.js';
import type { AddressKeyRow, NameKeyRow, PersonForKeys } from './lookup.keys.js';
import { personAddressKeys, personSearchKeys } from './lookup.table.js';

/** Which listings make a person visible to the caller. */
export interface Visibility {
  statuses: readonly string[];
  includeRestricted: boolean;
  /** Listings valid until before this date (YYYY-MM-DD) are not shown; null: no date limit. */
  validOn: string | null;
}

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** `EXISTS` a listing of the person in `personId` that the caller may see. */
function visibleListing(personId: SQL, visibility: Visibility) {
  return sql`EXISTS (SELECT 1 FROM listings l WHERE l.person_id = ${personId}
    AND l.status IN (${list(visibility.statuses)})
    ${visibility.includeRestricted ? sql`` : sql`AND NOT l.restricted`}
    ${visibility.validOn ? sql`AND l.valid_until >= ${visibility.validOn}` : sql``})`;
}

/** Persons with their names and addresses, as `searchKeysOf` needs them (merged ones left out). */
export async function findPersonsForKeys({ db, ids }: { db: DbOrTx; ids: readonly string[] }) {
  if (ids.length === 0) return { records: [] as PersonForKeys[] };
  const rows = await db
    .select()
    .from(persons)
    .where(and(inArray(persons.id, [...ids]), isNull(persons.mergedIntoId)));
  const found = rows.map((r) => r.id);
  if (found.length === 0) return { records: [] as PersonForKeys[] };
  const names = await db.select().from(personNames).where(inArray(personNames.personId, found));
  const addresses = await db
    .select()
    .from(personAddresses)
    .where(inArray(personAddresses.personId, found));
  const records = rows.map((p) => ({
    ...p,
    names: names.filter((n) => n.personId === p.id),
    addresses: addresses.filter((a) => a.personId === p.id),
  }));
  return { records };
}

/** Replaces every search key of the given persons by the rows given (in one statement each). */
export async function replaceSearchKeys({
  db,
  personIds,
  names,
  words,
  addresses,
}: {
  db: DbOrTx;
  personIds: readonly string[];
  names: readonly NameKeyRow[];
  words: readonly { word: string; code: string }[];
  addresses: readonly AddressKeyRow[];
}) {
  if (personIds.length > 0) {
    await db.delete(personSearchKeys).where(inArray(personSearchKeys.personId, [...personIds]));
    await db.delete(personAddressKeys).where(inArray(personAddressKeys.personId, [...personIds]));
  }
  await insertSearchKeys({ db, names, words, addresses });
}

/**
 * `INSERT … SELECT FROM unnest(…)`: one statement and one parameter per column for many rows
 * (a multi-row VALUES list needs one parameter per value and is parsed row by row).
 */
export async function insertColumns({
  db,
  table,
  columns,
  rows,
  onConflictDoNothing = false,
}: {
  db: DbOrTx;
  table: string;
  /** Column name and the PostgreSQL array type of its values (`text[]`, `uuid[]`, …). */
  columns: readonly (readonly [string, string])[];
  rows: readonly (readonly unknown[])[];
  onConflictDoNothing?: boolean;
}) {
  if (rows.length === 0) return;
  const arrays = columns.map(
    ([, type], i) => sql`${sql.param(rows.map((row) => row[i] ?? null))}::${sql.raw(type)}`,
  );
  await db.execute(sql`INSERT INTO ${sql.identifier(table)}
    (${sql.join(
      columns.map(([name]) => sql.identifier(name)),
      sql`, `,
    )})
    SELECT * FROM unnest(${sql.join(arrays, sql`, `)})
    ${onConflictDoNothing ? sql`ON CONFLICT DO NOTHING` : sql``}`);
}

/** Inserts key rows, a few thousand per statement (the bulk path of benchmarks and evaluations uses it directly). */
export async function insertSearchKeys({
  db,
  names,
  words,
  addresses,
}: {
  db: DbOrTx;
  names: readonly NameKeyRow[];
  words: readonly { word: string; code: string }[];
  addresses: readonly AddressKeyRow[];
}) {
  const chunk = 20_000;
  for (let i = 0; i < words.length; i += chunk) {
    await insertColumns({
      db,
      table: 'lookup_words',
      columns: [
        ['word', 'text[]'],
        ['code', 'text[]'],
      ],
      rows: words.slice(i, i + chunk).map((w) => [w.word, w.code]),
      onConflictDoNothing: true,
    });
  }
  for (let i = 0; i < names.length; i += chunk) {
    await insertColumns({
      db,
      table: 'person_search_keys',
      columns: [
        ['person_id', 'uuid[]'],
        ['name_kind', 'text[]'],
        ['word', 'text[]'],
        ['given_word', 'text[]'],
        ['given_code', 'text[]'],
        ['birth_year', 'smallint[]'],
        ['birth_month', 'smallint[]'],
        ['birth_day', 'smallint[]'],
      ],
      rows: names
        .slice(i, i + chunk)
        .map((n) => [
          n.personId,
          n.nameKind,
          n.word,
          n.givenWord,
          n.givenCode,
          n.birthYear,
          n.birthMonth,
          n.birthDay,
        ]),
    });
  }
  for (let i = 0; i < addresses.length; i += chunk) {
    await insertColumns({
      db,
      table: 'person_address_keys',
      columns: [
        ['person_id', 'uuid[]'],
        ['street_key', 'text[]'],
        ['house_number', 'integer[]'],
        ['postal_code', 'text[]'],
        ['city_key', 'text[]'],
      ],
      rows: addresses
        .slice(i, i + chunk)
        .map((a) => [a.personId, a.streetKey, a.houseNumber, a.postalCode, a.cityKey]),
    });
  }
}

/** A word asked for, with its Kölner Phonetik code; `swapped`: a given name tried as family name. */
export interface AskedWord {
  word: string;
  code: string;
  swapped: boolean;
}

/** The date of birth asked for, as far as it is known. */
export type AskedDate =
  | { precision: 'day'; year: number; month: number; day: number }
  | { precision: 'month' | 'year'; year: number };

/** The address asked for, in the keys of address.ts. */
export interface AskedAddress {
  streetKey: string;
  postalCode: string | undefined;
  houseNumber: number | undefined;
  cityKey: string | undefined;
}

/** How many persons each part of the pre-selection may hand to the ranking. */
export interface SearchLimits {
  /** Persons with a name word, best coarse score first (after the visibility check). */
  byName: number;
  /** Persons with the same given name and full date of birth (a changed family name). */
  byGivenAndDate: number;
  /** Persons at the address asked. */
  byAddress: number;
  /** Key rows read per branch that is not narrowed by given name or date (name only, no date stored). */
  rowsPerWideBranch: number;
}

/** The word with each two neighbouring letters swapped (words of 4 letters or more, as the ranking's typo rule). */
export function swappedNeighbours(word: string): string[] {
  if (word.length < 4) return [];
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/**
 * The family-name score (name-match.ts `wordMatch`, in SQL) of an indexed word `e` against an
 * asked word `q`: 1 equal; the pg_trgm similarity; a typo (edit distance 1, or 2 in words of
 * the same length, which may be two swapped letters) 0.85, two typos in longer words 0.7; the
 * same Kölner Phonetik code 0.78 + 0.2 × the better of similarity and edit similarity. Never
 * lower than the ranking's score, so the ranking's best candidates are among the best here.
 */
function wordScoreSql() {
  return sql`CASE WHEN e.word = q.word THEN 1 ELSE GREATEST(
      similarity(e.word, q.word),
      CASE WHEN least(length(e.word), length(q.word)) >= 4
          AND (e.lev = 1 OR (e.lev = 2 AND length(e.word) = length(q.word))) THEN 0.85
        WHEN least(length(e.word), length(q.word)) >= 6 AND e.lev = 2 THEN 0.7
        ELSE 0 END,
      CASE WHEN q.code <> '' AND e.code = q.code
        THEN 0.78 + 0.2 * GREATEST(similarity(e.word, q.word),
          1 - e.lev::real / GREATEST(length(e.word), length(q.word)))
        ELSE 0 END) END`;
}

/**
 * The date-of-birth weight (date-of-birth.ts `DATE_AGREEMENT_WEIGHT`) of a key row, from its
 * year, month and day, never lower than the ranking's: equal 1, day and month swapped 0.75, two
 * of three parts equal (one digit, two swapped digits, year off by one) 0.6, a partial stored
 * date that fits 0.6 (year off by one 0.4), anything else −1. NULL: no date stored.
 */
function dateWeightSql(date: AskedDate) {
  if (date.precision !== 'day') {
    return sql`CASE WHEN h.birth_year IS NULL THEN NULL::float8 WHEN h.birth_year = ${date.year} THEN 0.6
      WHEN abs(h.birth_year - ${date.year}) = 1 THEN 0.4 ELSE -1 END`;
  }
  const { year, month, day } = date;
  return sql`CASE WHEN h.birth_year IS NULL THEN NULL::float8
      WHEN h.birth_month IS NULL OR h.birth_day IS NULL THEN
        CASE WHEN h.birth_year = ${year}
            AND (h.birth_month IS NULL OR h.birth_month IN (${month}, ${day})) THEN 0.6
          WHEN abs(h.birth_year - ${year}) = 1 THEN 0.4 ELSE -1 END
      WHEN h.birth_year = ${year} AND h.birth_month = ${month} AND h.birth_day = ${day} THEN 1
      WHEN h.birth_year = ${year} AND h.birth_month = ${day} AND h.birth_day = ${month} THEN 0.75
      WHEN (h.birth_year = ${year})::int + (h.birth_month = ${month})::int
        + (h.birth_day = ${day})::int = 2 THEN 0.6
      ELSE -1 END`;
}

/** The coarse score's date weight for a person without a stored date (agreements 0.4 – 1, contradiction −1). */
export const UNKNOWN_DATE_COARSE = 0.3;

/** Persons found by address come after the up to `byName` found by name (in the candidates' order). */
const ADDRESS_ORDER = 100_000;

/**
 * The whole pre-selection and the candidates' records in one statement:
 *
 * 1. the words asked, expanded (evaluated once): the same words, indexed words with the same
 *    phonetic code (also of the given names, for names typed into the wrong field), and up to
 *    `similarPerWord` indexed spellings per family word with a pg_trgm similarity of at least
 *    `threshold` among words of the same initial and about the same length; each with its
 *    family-name score (`wordScoreSql`);
 * 2. key rows carrying one of those words, each branch one index range (a single OR made the
 *    planner read every row of a common name): with a date of birth, the same year (or a
 *    partial stored date within ±1 year), the same day and month in any year (one wrong or
 *    swapped digit in the year), no date stored (capped), and the same first given name
 *    (phonetically) whatever the date (a mistyped date); without one, the same given name, the
 *    words asked literally (capped) and the other spellings (capped);
 * 3. a coarse score per person from the key rows — the ranking's weighted mean with the word
 *    score, the given name (same code 1, else by edit distance) and the date weight, never
 *    lower than the ranking's — and only the `byName` best persons with a visible listing go on
 *    (the listing is checked in score order until enough are found, not for every key row);
 * 4. persons with the same given name and full date of birth (a changed family name), and
 *    persons at the address asked (the same house number first), each capped;
 * 5. their records as `findCandidates` describes them.
 */
export async function searchCandidates({
  db,
  asked,
  exactWords,
  givenWord,
  givenCodes,
  date,
  address,
  visibility,
  withIncidents,
  threshold,
  similarPerWord,
  lengthWindow,
  limits,
}: {
  db: DbOrTx;
  /** Family words (and given words, `swapped`) asked. */
  asked: readonly AskedWord[];
  /** The family words as typed (name-only queries prefer them). */
  exactWords: readonly string[];
  /** The first given name asked (folded), for the coarse score. */
  givenWord: string | null;
  /** Phonetic codes of the first given name asked (and of the family name, for swapped fields). */
  givenCodes: readonly string[];
  date: AskedDate | null;
  address: AskedAddress | null;
  visibility: Visibility;
  withIncidents: boolean;
  threshold: number;
  similarPerWord: number;
  /** Similar spellings are looked for among words this many letters longer or shorter. */
  lengthWindow: number;
  limits: SearchLimits;
}): Promise<{ candidates: CandidateRecord[] }> {
  const parts: SQL[] = [];
  const idSets: SQL[] = [];
  const ctes: SQL[] = [];
  const family = asked.filter((a) => !a.swapped);
  const variants = [...new Set(family.flatMap((a) => swappedNeighbours(a.word)))].filter(
    (v) => !asked.some((a) => a.word === v),
  );
  if (asked.length > 0) {
    const askedRows = sql.join(
      asked.map((a) => sql`(${a.word}::text, ${a.code}::text, ${a.swapped}::boolean)`),
      sql`, `,
    );
    const expansion: SQL[] = [
      sql`SELECT x.word, coalesce(lw.code, x.code) AS code FROM (VALUES ${askedRows}) x(word, code, swapped)
        LEFT JOIN lookup_words lw ON lw.word = x.word`,
    ];
    if (variants.length > 0) {
      // Indexed words that are an asked word with two neighbouring letters swapped: such a typo
      // often changes the phonetic code and most trigrams ("Golelr" for "Goller").
      expansion.push(sql`SELECT lw.word, lw.code FROM lookup_words lw
        WHERE lw.word IN (${list(variants)})`);
    }
    const codes = [...new Set(asked.map((a) => a.code).filter((c) => c !== ''))];
    if (codes.length > 0) {
      expansion.push(sql`SELECT word, code FROM lookup_words WHERE code IN (${list(codes)})`);
    }
    for (const { word } of family) {
      expansion.push(
        sql`(SELECT word, code FROM lookup_words WHERE left(word, 1) = ${word.slice(0, 1)}
          AND length(word) BETWEEN ${Math.max(1, word.length - lengthWindow)} AND ${word.length + lengthWindow}
          AND similarity(word, ${word}) >= ${threshold}
          ORDER BY similarity(word, ${word}) DESC LIMIT ${similarPerWord})`,
      );
    }
    ctes.push(sql`q(word, code, swapped) AS (VALUES ${askedRows})`);
    ctes.push(sql`w AS MATERIALIZED (
      SELECT e.word, max(CASE WHEN q.swapped THEN 0.92 ELSE 1 END * ${wordScoreSql()})::float8 AS f
      FROM (SELECT u.word, u.code, levenshtein(u.word, q0.word) AS lev, q0.word AS qword
            FROM (${sql.join(expansion, sql` UNION `)}) u CROSS JOIN q q0) e
      JOIN q ON q.word = e.qword
      GROUP BY e.word)`);
    const anyWord = sql`k.word = ANY((SELECT array_agg(word) FROM w)::text[])`;
    const probe = (where: SQL, cap?: number) =>
      sql`(SELECT k.person_id, k.word, k.given_code, k.given_word, k.birth_year, k.birth_month,
          k.birth_day FROM person_search_keys k WHERE ${anyWord} AND ${where}
          ${cap ? sql`LIMIT ${cap}` : sql``})`;
    const branches: SQL[] = [];
    const sameGiven = sql`k.given_code IN (${list(givenCodes)})`;
    if (givenCodes.length > 0 && date) {
      // A common name asked with a date of birth: the bearers are read narrowed by the date
      // (the branches below) before anything is capped. Of the same given name whatever the
      // date only a few rows: a date that differs in two of year, month and day contradicts
      // (the ranking shows such a person only with the address, found by the address branch);
      // uncapped, this branch read every "Thomas Müller" (9,400 rows at 1M with the short lists).
      branches.push(probe(sameGiven, limits.rowsPerWideBranch));
      // The same given name and no date stored, before the capped rows of any given name.
      branches.push(probe(sql`${sameGiven} AND k.birth_year IS NULL`, limits.rowsPerWideBranch));
    } else if (givenCodes.length > 0) {
      branches.push(probe(sameGiven));
    }
    if (date) {
      if (date.precision === 'day') {
        // The same year; a neighbouring year only where the stored date is partial (a full
        // date a year off is found with the same day and month below). Two simple ranges: with
        // one OR the planner took the word-and-given-name index and filtered every row.
        branches.push(probe(sql`k.birth_year = ${date.year}`));
        branches.push(
          probe(sql`k.birth_year IN (${date.year - 1}, ${date.year + 1}) AND k.birth_day IS NULL`),
        );
      } else {
        branches.push(
          probe(sql`k.birth_year IN (${date.year - 1}, ${date.year}, ${date.year + 1})`),
        );
      }
      branches.push(probe(sql`k.birth_year IS NULL`, limits.rowsPerWideBranch));
      if (date.precision === 'day') {
        branches.push(probe(sql`k.birth_month = ${date.month} AND k.birth_day = ${date.day}`));
      }
    } else {
      if (exactWords.length > 0) {
        // Name only: every bearer of a common name would be thousands; the literal ones, capped.
        branches.push(probe(sql`k.word IN (${list(exactWords)})`, limits.rowsPerWideBranch * 4));
      }
      branches.push(probe(sql`true`, limits.rowsPerWideBranch));
    }
    const given = givenWord
      ? sql`CASE WHEN h.given_word = ${givenWord} THEN 1::float8
          WHEN h.given_code IN (${list(givenCodes.length > 0 ? givenCodes : [''])}) THEN 0.95
          WHEN h.given_word IS NULL THEN 0
          WHEN abs(length(h.given_word) - ${givenWord.length}) > 2 THEN 0.3
          ELSE (CASE levenshtein_less_equal(h.given_word, ${givenWord}, 2)
            WHEN 0 THEN 1 WHEN 1 THEN 0.85 WHEN 2 THEN 0.7 ELSE 0.3 END) END`
      : null;
    // One expression per row, in float8 (numeric arithmetic was a third of the grouping): the
    // weighted mean of what was asked; a row without a stored date leaves the date out.
    const terms = [sql`0.5 * w.f`];
    const weights = [sql`0.5`];
    if (given) {
      terms.push(sql`0.2 * ${given}`);
      weights.push(sql`0.2`);
    }
    if (date) {
      // No date stored counts below every agreement of a date and above a contradiction: among
      // namesakes the one born on the day asked comes first, then those whose date fits in
      // part, then those without a date (the ranking leaves an unknown date out of its mean;
      // here that put every namesake without a date level with the one asked for).
      terms.push(sql`0.3 * coalesce(${dateWeightSql(date)}, ${UNKNOWN_DATE_COARSE})`);
      weights.push(sql`0.3`);
    }
    const coarse = sql`(${sql.join(terms, sql` + `)}) / (${sql.join(weights, sql` + `)})::float8`;
    ctes.push(sql`h AS (${sql.join(branches, sql` UNION ALL `)})`);
    // OFFSET 0 keeps the visibility check out of the grouping: it runs on the sorted persons
    // until enough are found.
    // Among equal scores, persons with more key rows found: more of the words asked (a double
    // name asked as such) or found by more branches (given name and date of birth).
    ctes.push(sql`scored AS (SELECT h.person_id, max(${coarse}) AS c, count(*) AS n
      FROM h JOIN w ON w.word = h.word GROUP BY h.person_id
      ORDER BY c DESC, n DESC, h.person_id OFFSET 0)`);
    ctes.push(sql`by_name AS (SELECT s.person_id, s.c, s.n FROM scored s
      WHERE ${visibleListing(sql`s.person_id`, visibility)} LIMIT ${limits.byName})`);
    idSets.push(sql`SELECT person_id,
      row_number() OVER (ORDER BY c DESC, n DESC, person_id) AS ord FROM by_name`);
  }
  if (givenCodes.length > 0 && date?.precision === 'day') {
    idSets.push(sql`SELECT person_id, 0::bigint AS ord FROM (SELECT DISTINCT k.person_id
      FROM person_search_keys k
      WHERE k.given_code IN (${list(givenCodes)}) AND k.birth_year = ${date.year}
        AND k.birth_month = ${date.month} AND k.birth_day = ${date.day}
        AND ${visibleListing(sql`k.person_id`, visibility)}
      LIMIT ${limits.byGivenAndDate}) g`);
  }
  if (address && address.streetKey !== '') {
    const { streetKey, postalCode, houseNumber, cityKey } = address;
    // Each branch one index range (an OR read every address of a common street name).
    const branches: SQL[] = [];
    const rows = (where: SQL) =>
      sql`(SELECT a.person_id, a.house_number FROM person_address_keys a WHERE ${where})`;
    if (postalCode) {
      // A wrong postal code with the right street and number, or a mistyped street in the right
      // postal code with the right number, still finds the address.
      branches.push(rows(sql`a.street_key = ${streetKey} AND a.postal_code = ${postalCode}`));
      branches.push(rows(sql`a.street_key = ${streetKey} AND a.postal_code IS NULL`));
      if (houseNumber !== undefined) {
        branches.push(rows(sql`a.street_key = ${streetKey} AND a.house_number = ${houseNumber}`));
        branches.push(rows(sql`a.postal_code = ${postalCode} AND a.house_number = ${houseNumber}`));
      }
    } else if (cityKey) {
      branches.push(
        rows(sql`a.street_key = ${streetKey} AND (a.city_key = ${cityKey} OR a.city_key IS NULL)`),
      );
    } else {
      branches.push(rows(sql`a.street_key = ${streetKey}`));
    }
    const sameNumber =
      houseNumber !== undefined
        ? sql`max((x.house_number IS NOT DISTINCT FROM ${houseNumber})::int) DESC,`
        : sql``;
    idSets.push(sql`SELECT person_id, ${ADDRESS_ORDER}::bigint AS ord FROM (SELECT y.person_id
      FROM (SELECT x.person_id
        FROM (${sql.join(branches, sql` UNION ALL `)}) x
        GROUP BY x.person_id ORDER BY ${sameNumber} x.person_id OFFSET 0) y
      WHERE ${visibleListing(sql`y.person_id`, visibility)}
      LIMIT ${limits.byAddress}) a`);
  }
  if (idSets.length === 0) return { candidates: [] };
  // The candidates in the pre-selection's order (the ranking keeps it among equal scores): the
  // same given name and date of birth, then by the coarse score, then the address's persons.
  ctes.push(sql`found AS (SELECT person_id, min(ord) AS ord
    FROM (${sql.join(idSets, sql` UNION ALL `)}) ids GROUP BY person_id)`);
  parts.push(sql`WITH ${sql.join(ctes, sql`, `)}`);
  return findCandidates({
    db,
    ids: sql`(SELECT person_id FROM found)`,
    orderBy: sql`(SELECT f.ord FROM found f WHERE f.person_id = p.id), p.id`,
    visibility,
    withIncidents,
    prefix: sql.join(parts, sql` `),
  });
}

/** An exact indexed equality look-up (the benchmarks' baseline): folded word and birth year. */
export async function exactWordAndYear({
  db,
  word,
  year,
}: {
  db: DbOrTx;
  word: string;
  year: number;
}) {
  const rows = await db
    .select({ id: personSearchKeys.personId })
    .from(personSearchKeys)
    .where(and(eq(personSearchKeys.word, word), eq(personSearchKeys.birthYear, year)))
    .limit(50);
  return rows.map((r) => r.id);
}

/** A candidate as the ranking and the answer need it. */
export interface CandidateRecord {
  person: { id: string; familyName: string; givenNames: string | null; dateOfBirth: string | null };
  names: { kind: string; familyName: string; givenNames: string | null }[];
  addresses: {
    street: string;
    houseNumber: string | null;
    postalCode: string | null;
    city: string | null;
    validTo: string | null;
  }[];
  listing: {
    id: string;
    status: string;
    restricted: boolean;
    level: number;
    categories: string[];
    precautions: string[];
    precautionsText: string | null;
    validUntil: string;
  };
  /** Whom to call: the department of the registrar who activated (or proposed) the listing. */
  contact: { department: string; phone: string | null; contact: string | null } | null;
  incidents: { id: string; reference: string }[];
}

/**
 * Everything the ranking and the answer need about the candidates, in one statement (on the
 * embedded database every statement costs a round trip): person, names, addresses, the visible
 * listing (an active one before a proposed one) and its registrar's department. Incident
 * references only when `withIncidents`.
 */
export async function findCandidates({
  db,
  ids,
  visibility,
  withIncidents,
  prefix = sql``,
  orderBy,
}: {
  db: DbOrTx;
  /** The persons' ids, or a subquery giving them (`prefix` may hold its `WITH`). */
  ids: readonly string[] | SQL;
  /** The order of the candidates (of `persons p`); default: none. */
  orderBy?: SQL;
  visibility: Visibility;
  withIncidents: boolean;
  prefix?: SQL;
}): Promise<{ candidates: CandidateRecord[] }> {
  if (!(ids instanceof SQL) && ids.length === 0) return { candidates: [] };
  const idList = ids instanceof SQL ? ids : sql`(${list(ids)})`;
  const incidentsColumn = withIncidents
    ? sql`(SELECT json_agg(json_build_object('id', i.id, 'reference', i.reference) ORDER BY i.reference)
         FROM listing_incidents li JOIN incidents i ON i.id = li.incident_id WHERE li.listing_id = l.id)`
    : sql`NULL::json`;
  const result = await db.execute(sql`${prefix}
    SELECT json_build_object('id', p.id, 'familyName', p.family_name, 'givenNames', p.given_names,
             'dateOfBirth', p.date_of_birth) AS person,
      (SELECT json_agg(json_build_object('kind', n.kind, 'familyName', n.family_name,
          'givenNames', n.given_names) ORDER BY n.family_name)
        FROM person_names n WHERE n.person_id = p.id) AS names,
      (SELECT json_agg(json_build_object('street', a.street, 'houseNumber', a.house_number,
          'postalCode', a.postal_code, 'city', a.city, 'validTo', a.valid_to) ORDER BY a.valid_from)
        FROM person_addresses a WHERE a.person_id = p.id) AS addresses,
      json_build_object('id', l.id, 'status', l.status, 'restricted', l.restricted, 'level', l.level,
        'categories', to_json(l.categories), 'precautions', to_json(l.precautions),
        'precautionsText', l.precautions_text, 'validUntil', l.valid_until) AS listing,
      CASE WHEN d.id IS NULL THEN NULL
        ELSE json_build_object('department', d.name, 'phone', d.phone, 'contact', d.contact) END AS contact,
      ${incidentsColumn} AS incidents
    FROM persons p
    JOIN LATERAL (
      SELECT * FROM listings l WHERE l.person_id = p.id
        AND l.status IN (${list(visibility.statuses)})
        ${visibility.includeRestricted ? sql`` : sql`AND NOT l.restricted`}
        ${visibility.validOn ? sql`AND l.valid_until >= ${visibility.validOn}` : sql``}
      ORDER BY l.status LIMIT 1
    ) l ON true
    LEFT JOIN users u ON u.id = coalesce(l.activated_by, l.proposed_by)
    LEFT JOIN departments d ON d.id = u.department_id
    WHERE p.id IN ${idList}
    ${orderBy ? sql`ORDER BY ${orderBy}` : sql``}`);
  const parse = <T>(value: unknown): T =>
    (typeof value === 'string' ? JSON.parse(value) : value) as T;
  const candidates = rowsOf<Record<string, unknown>>(result).map((row) => ({
    person: parse<CandidateRecord['person']>(row.person),
    names: parse<CandidateRecord['names'] | null>(row.names) ?? [],
    addresses: parse<CandidateRecord['addresses'] | null>(row.addresses) ?? [],
    listing: parse<CandidateRecord['listing']>(row.listing),
    contact: parse<CandidateRecord['contact']>(row.contact),
    incidents: parse<CandidateRecord['incidents'] | null>(row.incidents) ?? [],
  }));
  return { candidates };
}
