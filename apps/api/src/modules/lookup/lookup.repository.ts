import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
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

/**
 * The words worth trying for the words asked, as one SQL array expression: the words
 * themselves, indexed words with the same phonetic code, and up to `perWord` indexed spellings
 * per word with a pg_trgm similarity of at least `threshold` (≥ 0.3, the `%` operator's default,
 * which the GIN index answers), the closest first. Evaluated once per query (an InitPlan), so
 * the person keys are then probed by index with `word = ANY(...)`.
 */
export function expandedWords({
  words,
  extraWords,
  codes,
  threshold,
  perWord,
}: {
  words: readonly string[];
  extraWords: readonly string[];
  codes: readonly string[];
  threshold: number;
  perWord: number;
}): SQL {
  const parts: SQL[] = [];
  const literal = [...new Set([...words, ...extraWords])];
  if (literal.length > 0) parts.push(sql`SELECT unnest(ARRAY[${list(literal)}]::text[])`);
  const usableCodes = codes.filter((c) => c !== '');
  if (usableCodes.length > 0) {
    parts.push(sql`SELECT word FROM lookup_words WHERE code IN (${list(usableCodes)})`);
  }
  for (const word of words) {
    parts.push(
      sql`(SELECT word FROM lookup_words WHERE left(word, 1) = ${word.slice(0, 1)}
        AND length(word) BETWEEN ${Math.max(1, word.length - 2)} AND ${word.length + 2}
        AND similarity(word, ${word}) >= ${threshold}
        ORDER BY similarity(word, ${word}) DESC LIMIT ${perWord})`,
    );
  }
  return sql`ARRAY(${sql.join(parts, sql` UNION `)})`;
}

/** What the date of birth asked for allows: years, and a month/day that fits any year. */
export interface DateWindow {
  years: readonly number[];
  monthDay: { month: number; day: number } | null;
}

/**
 * Persons (with a visible listing) carrying one of the words, found by separate index probes
 * whose union is small (a single OR would make the planner read every row of every word):
 * with a date of birth, the words within the date window (year ±1, the same day and month in
 * any year, or no date stored) and the words with the same given name whatever the date;
 * without one, the words with the same given name and the words asked literally. Persons with
 * the given name and those with a word asked literally come first, so a cut at `limit` keeps
 * the likely ones.
 */
export async function preselectByName({
  db,
  words,
  exactWords,
  givenCodes,
  dates,
  visibility,
  limit,
}: {
  db: DbOrTx;
  /** From `expandedWords`. */
  words: SQL;
  exactWords: readonly string[];
  givenCodes: readonly string[];
  dates: DateWindow | null;
  visibility: Visibility;
  limit: number;
}): Promise<string[]> {
  const probe = (where: SQL, cap?: number) =>
    sql`(SELECT k.person_id, k.word, k.given_code FROM person_search_keys k
      WHERE ${where} ${cap ? sql`LIMIT ${cap}` : sql``})`;
  const anyWord = sql`k.word = ANY((SELECT words FROM w)::text[])`;
  const branches: SQL[] = [];
  if (givenCodes.length > 0) {
    branches.push(probe(sql`${anyWord} AND k.given_code IN (${list(givenCodes)})`));
  }
  if (dates) {
    if (dates.years.length > 0) {
      branches.push(probe(sql`${anyWord} AND k.birth_year IN (${list(dates.years)})`));
    }
    branches.push(probe(sql`${anyWord} AND k.birth_year IS NULL`, limit));
    if (dates.monthDay) {
      branches.push(
        probe(
          sql`${anyWord} AND k.birth_month = ${dates.monthDay.month} AND k.birth_day = ${dates.monthDay.day}`,
        ),
      );
    }
  } else if (exactWords.length > 0) {
    // Name only: every bearer of a common name would be thousands; the literal ones, capped.
    branches.push(probe(sql`k.word IN (${list(exactWords)})`, limit * 4));
    branches.push(probe(anyWord, limit));
  }
  if (branches.length === 0) return [];
  const order: SQL[] = [];
  if (givenCodes.length > 0)
    order.push(sql`max((h.given_code IN (${list(givenCodes)}))::int) DESC`);
  if (exactWords.length > 0) order.push(sql`max((h.word IN (${list(exactWords)}))::int) DESC`);
  order.push(sql`h.person_id`);
  const result = await db.execute(sql`
    WITH w AS MATERIALIZED (SELECT ${words} AS words),
    h AS (${sql.join(branches, sql` UNION ALL `)})
    SELECT h.person_id AS id FROM h
    WHERE ${visibleListing(sql`h.person_id`, visibility)}
    GROUP BY h.person_id
    ORDER BY ${sql.join(order, sql`, `)}
    LIMIT ${limit}`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Persons (with a visible listing) with an address on that street, or that number in that postal code. */
export async function preselectByAddress({
  db,
  streetKey,
  postalCode,
  houseNumber,
  cityKey,
  visibility,
  limit,
}: {
  db: DbOrTx;
  streetKey: string;
  postalCode: string | undefined;
  houseNumber: number | undefined;
  cityKey: string | undefined;
  visibility: Visibility;
  limit: number;
}): Promise<string[]> {
  const branches: SQL[] = [];
  if (postalCode) {
    // A wrong postal code with the right street and number, or a mistyped street in the right
    // postal code with the right number, still finds the address.
    const sameHouse = houseNumber !== undefined ? sql`OR a.house_number = ${houseNumber}` : sql``;
    branches.push(
      sql`(a.street_key = ${streetKey} AND (a.postal_code = ${postalCode} OR a.postal_code IS NULL ${sameHouse}))`,
    );
    if (houseNumber !== undefined) {
      branches.push(sql`(a.postal_code = ${postalCode} AND a.house_number = ${houseNumber})`);
    }
  } else if (cityKey) {
    branches.push(
      sql`(a.street_key = ${streetKey} AND (a.city_key = ${cityKey} OR a.city_key IS NULL))`,
    );
  } else {
    branches.push(sql`(a.street_key = ${streetKey})`);
  }
  const result = await db.execute(sql`
    SELECT DISTINCT a.person_id AS id
    FROM person_address_keys a
    WHERE (${sql.join(branches, sql` OR `)})
      AND ${visibleListing(sql`a.person_id`, visibility)}
    LIMIT ${limit}`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Persons (with a visible listing) whose first given name sounds like one asked and whose full
 * date of birth is the one asked: the family name may have changed since.
 */
export async function preselectByGivenAndDate({
  db,
  givenCodes,
  date,
  visibility,
  limit,
}: {
  db: DbOrTx;
  givenCodes: readonly string[];
  date: { year: number; month: number; day: number };
  visibility: Visibility;
  limit: number;
}): Promise<string[]> {
  if (givenCodes.length === 0) return [];
  const result = await db.execute(sql`
    SELECT DISTINCT k.person_id AS id
    FROM person_search_keys k
    WHERE k.given_code IN (${list(givenCodes)}) AND k.birth_year = ${date.year}
      AND k.birth_month = ${date.month} AND k.birth_day = ${date.day}
      AND ${visibleListing(sql`k.person_id`, visibility)}
    LIMIT ${limit}`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
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
  contact: { department: string; contact: string | null } | null;
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
}: {
  db: DbOrTx;
  ids: readonly string[];
  visibility: Visibility;
  withIncidents: boolean;
}): Promise<{ candidates: CandidateRecord[] }> {
  if (ids.length === 0) return { candidates: [] };
  const incidentsColumn = withIncidents
    ? sql`(SELECT json_agg(json_build_object('id', i.id, 'reference', i.reference) ORDER BY i.reference)
         FROM listing_incidents li JOIN incidents i ON i.id = li.incident_id WHERE li.listing_id = l.id)`
    : sql`NULL::json`;
  const result = await db.execute(sql`
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
        ELSE json_build_object('department', d.name, 'contact', d.contact) END AS contact,
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
    WHERE p.id IN (${list(ids)})`);
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
