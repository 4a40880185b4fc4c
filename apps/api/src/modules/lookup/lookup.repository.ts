import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import { incidents } from '../incidents/incidents.table.js';
import { listingIncidents, listings } from '../listings/listings.table.js';
import { personAddresses, personNames, persons } from '../persons/persons.table.js';
import type { AddressKeyRow, NameKeyRow, PersonForKeys } from './lookup.keys.js';
import { lookupWords, personAddressKeys, personSearchKeys } from './lookup.table.js';

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

/** Inserts key rows in chunks (the bulk path of benchmarks and evaluations uses it directly). */
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
  const chunk = 2000;
  for (let i = 0; i < words.length; i += chunk) {
    await db
      .insert(lookupWords)
      .values(words.slice(i, i + chunk))
      .onConflictDoNothing();
  }
  for (let i = 0; i < names.length; i += chunk) {
    await db.insert(personSearchKeys).values(names.slice(i, i + chunk));
  }
  for (let i = 0; i < addresses.length; i += chunk) {
    await db.insert(personAddressKeys).values(addresses.slice(i, i + chunk));
  }
}

/**
 * The indexed words worth trying for the words asked: the same phonetic code, or a pg_trgm
 * similarity of at least `threshold` (the GIN index answers `%`; the threshold is set for this
 * transaction only). At most `perWord` similar spellings per word, the closest first.
 */
export async function expandWords({
  db,
  words,
  codes,
  threshold,
  perWord,
}: {
  db: DbOrTx;
  words: readonly string[];
  codes: readonly string[];
  threshold: number;
  perWord: number;
}): Promise<string[]> {
  const parts: SQL[] = [];
  const usableCodes = codes.filter((c) => c !== '');
  if (usableCodes.length > 0) {
    parts.push(sql`(SELECT word FROM lookup_words WHERE code IN (${list(usableCodes)}))`);
  }
  for (const word of words) {
    parts.push(
      sql`(SELECT word FROM lookup_words WHERE word % ${word} ORDER BY word <-> ${word} LIMIT ${perWord})`,
    );
  }
  if (parts.length === 0) return [];
  await db.execute(
    sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`,
  );
  const result = await db.execute(sql.join(parts, sql` UNION `));
  return rowsOf<{ word: string }>(result).map((r) => r.word);
}

/** What the date of birth asked for allows: years, and a month/day that fits any year. */
export interface DateWindow {
  years: readonly number[];
  monthDay: { month: number; day: number } | null;
}

/**
 * Persons (with a visible listing) carrying one of `words`, within the date window when one is
 * given. Persons whose first given name sounds like one asked (`givenCodes`) and those with a
 * word asked literally (`exactWords`) come first, so a cut at `limit` keeps the likely ones.
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
  words: readonly string[];
  exactWords: readonly string[];
  givenCodes: readonly string[];
  dates: DateWindow | null;
  visibility: Visibility;
  limit: number;
}): Promise<string[]> {
  if (words.length === 0) return [];
  // The same name (family word and given name) is tried whatever the date of birth says.
  const sameGiven = givenCodes.length > 0 ? sql`OR k.given_code IN (${list(givenCodes)})` : sql``;
  const datePredicate = dates
    ? sql`AND (k.birth_year IS NULL ${sameGiven}
        ${dates.years.length > 0 ? sql`OR k.birth_year IN (${list(dates.years)})` : sql``}
        ${dates.monthDay ? sql`OR (k.birth_month = ${dates.monthDay.month} AND k.birth_day = ${dates.monthDay.day})` : sql``})`
    : sql``;
  const order: SQL[] = [];
  if (givenCodes.length > 0)
    order.push(sql`max((k.given_code IN (${list(givenCodes)}))::int) DESC`);
  if (exactWords.length > 0) order.push(sql`max((k.word IN (${list(exactWords)}))::int) DESC`);
  order.push(sql`k.person_id`);
  const result = await db.execute(sql`
    SELECT k.person_id AS id
    FROM person_search_keys k
    WHERE k.word IN (${list(words)}) ${datePredicate}
      AND ${visibleListing(sql`k.person_id`, visibility)}
    GROUP BY k.person_id
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

/**
 * Everything the ranking and the answer need about the candidates: the person, names,
 * addresses, the visible listing and whom to call (the department of the registrar who
 * activated or proposed it). Incident references only when `withIncidents`.
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
}) {
  if (ids.length === 0) return { candidates: [] };
  const idList = [...ids];
  const listingFilter = and(
    inArray(listings.personId, idList),
    inArray(listings.status, [...visibility.statuses]),
    visibility.includeRestricted ? undefined : eq(listings.restricted, false),
    visibility.validOn ? sql`${listings.validUntil} >= ${visibility.validOn}` : undefined,
  );
  const listingRows = await db
    .select({
      listing: listings,
      department: departments.name,
      contact: departments.contact,
    })
    .from(listings)
    .leftJoin(users, sql`${users.id} = coalesce(${listings.activatedBy}, ${listings.proposedBy})`)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(listingFilter)
    // An active listing wins over a proposed one of the same person.
    .orderBy(asc(listings.status));
  const personRows = await db.select().from(persons).where(inArray(persons.id, idList));
  const names = await db.select().from(personNames).where(inArray(personNames.personId, idList));
  const addresses = await db
    .select()
    .from(personAddresses)
    .where(inArray(personAddresses.personId, idList));
  const listingIds = listingRows.map((r) => r.listing.id);
  const incidentRows =
    withIncidents && listingIds.length > 0
      ? await db
          .select({
            listingId: listingIncidents.listingId,
            id: incidents.id,
            reference: incidents.reference,
          })
          .from(listingIncidents)
          .innerJoin(incidents, eq(incidents.id, listingIncidents.incidentId))
          .where(inArray(listingIncidents.listingId, listingIds))
      : [];
  const listingOf = new Map<string, (typeof listingRows)[number]>();
  for (const row of listingRows) {
    if (!listingOf.has(row.listing.personId)) listingOf.set(row.listing.personId, row);
  }
  const candidates = personRows.flatMap((person) => {
    const listed = listingOf.get(person.id);
    if (!listed) return [];
    return [
      {
        person,
        names: names.filter((n) => n.personId === person.id),
        addresses: addresses.filter((a) => a.personId === person.id),
        listing: listed.listing,
        contact: listed.department
          ? { department: listed.department, contact: listed.contact }
          : null,
        incidents: incidentRows
          .filter((i) => i.listingId === listed.listing.id)
          .map((i) => ({ id: i.id, reference: i.reference })),
      },
    ];
  });
  return { candidates };
}
export type CandidateRecord = Awaited<ReturnType<typeof findCandidates>>['candidates'][number];
