import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import { searchKeysOf, type PersonForKeys } from './lookup.keys.js';
import { insertColumns, insertSearchKeys } from './lookup.repository.js';

/**
 * Register content written straight into the tables, for tests, `zemag match-eval` and
 * `zemag bench lookup` (never for real data: it skips the rules of the persons and listings
 * services on purpose, to load a million persons in minutes).
 */

/** A person to load, with the listing it should carry (none: not listed). */
export interface FixturePerson {
  id?: string;
  familyName: string;
  givenNames?: string | null;
  dateOfBirth?: string | null;
  names?: { kind: 'alias' | 'former'; familyName: string; givenNames?: string | null }[];
  addresses?: {
    street: string;
    houseNumber?: string | null;
    postalCode?: string | null;
    city?: string | null;
    validTo?: string | null;
  }[];
  listing?: {
    status: 'proposed' | 'active' | 'expired' | 'ended';
    restricted?: boolean;
    level?: number;
    categories?: string[];
    precautions?: string[];
    precautionsText?: string | null;
    validUntil?: string;
  } | null;
}

/** A registrar in a department with a contact, who "proposed" the fixture listings. */
export async function createFixtureRegistrar({ db }: { db: DbOrTx }) {
  const now = new Date('2026-01-01T00:00:00Z');
  const [department] = await db
    .insert(departments)
    .values({
      code: `ZEMAG-${randomUUID().slice(0, 8)}`,
      name: 'ZeMAG-Stelle (Kriminalprävention)',
      contact: 'zemag@stadt.example',
      phone: '0221 123-4567',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [user] = await db
    .insert(users)
    .values({
      username: `fixture.registrar.${randomUUID().slice(0, 8)}`,
      displayName: 'Registerstelle',
      departmentId: department!.id,
      createdAt: now,
    })
    .returning();
  return { userId: user!.id };
}

/**
 * Inserts persons (names, addresses, listings) and their search keys in chunks; returns the
 * ids in input order.
 */
export async function loadFixturePersons({
  db,
  people,
  registrarId,
  chunk = 2000,
}: {
  db: DbOrTx;
  people: readonly FixturePerson[];
  registrarId: string;
  chunk?: number;
}): Promise<string[]> {
  const now = new Date('2026-01-01T00:00:00Z');
  const ids: string[] = [];
  const seenWords = new Set<string>();
  for (let start = 0; start < people.length; start += chunk) {
    const part = people
      .slice(start, start + chunk)
      .map((p) => ({ ...p, id: p.id ?? randomUUID() }));
    ids.push(...part.map((p) => p.id));
    await insertColumns({
      db,
      table: 'persons',
      columns: [
        ['id', 'uuid[]'],
        ['family_name', 'text[]'],
        ['given_names', 'text[]'],
        ['date_of_birth', 'text[]'],
        ['created_at', 'timestamptz[]'],
        ['updated_at', 'timestamptz[]'],
      ],
      rows: part.map((p) => [
        p.id,
        p.familyName,
        p.givenNames ?? null,
        p.dateOfBirth ?? null,
        now.toISOString(),
        now.toISOString(),
      ]),
    });
    await insertColumns({
      db,
      table: 'person_names',
      columns: [
        ['person_id', 'uuid[]'],
        ['kind', 'text[]'],
        ['family_name', 'text[]'],
        ['given_names', 'text[]'],
      ],
      rows: part.flatMap((p) =>
        (p.names ?? []).map((n) => [p.id, n.kind, n.familyName, n.givenNames ?? null]),
      ),
    });
    await insertColumns({
      db,
      table: 'person_addresses',
      columns: [
        ['person_id', 'uuid[]'],
        ['street', 'text[]'],
        ['house_number', 'text[]'],
        ['postal_code', 'text[]'],
        ['city', 'text[]'],
        ['valid_to', 'date[]'],
      ],
      rows: part.flatMap((p) =>
        (p.addresses ?? []).map((a) => [
          p.id,
          a.street,
          a.houseNumber ?? null,
          a.postalCode ?? null,
          a.city ?? null,
          a.validTo ?? null,
        ]),
      ),
    });
    const listed = part.filter((p) => p.listing);
    if (listed.length > 0) {
      // Arrays of arrays would need the same length in every row: categories and precautions
      // travel as one comma-separated text each.
      await db.execute(sql`INSERT INTO listings (person_id, status, restricted, level, categories,
          precautions, precautions_text, valid_until, proposed_by, proposed_at, activated_by,
          activated_at, updated_at)
        SELECT person_id, status, restricted, level, string_to_array(categories, ','),
          string_to_array(precautions, ','), precautions_text, valid_until, ${registrarId}::uuid,
          ${now.toISOString()}::timestamptz,
          CASE WHEN status = 'proposed' THEN NULL ELSE ${registrarId}::uuid END,
          CASE WHEN status = 'proposed' THEN NULL ELSE ${now.toISOString()}::timestamptz END,
          ${now.toISOString()}::timestamptz
        FROM unnest(${sql.param(listed.map((p) => p.id))}::uuid[],
          ${sql.param(listed.map((p) => p.listing!.status))}::text[],
          ${sql.param(listed.map((p) => p.listing!.restricted ?? false))}::boolean[],
          ${sql.param(listed.map((p) => p.listing!.level ?? 2))}::smallint[],
          ${sql.param(listed.map((p) => (p.listing!.categories ?? ['threat']).join(',')))}::text[],
          ${sql.param(listed.map((p) => (p.listing!.precautions ?? ['pairs_only']).join(',')))}::text[],
          ${sql.param(listed.map((p) => p.listing!.precautionsText ?? null))}::text[],
          ${sql.param(listed.map((p) => p.listing!.validUntil ?? '2099-12-31'))}::date[])
          AS t(person_id, status, restricted, level, categories, precautions, precautions_text,
            valid_until)`);
    }
    const keys = part.map((p) =>
      searchKeysOf({
        id: p.id,
        familyName: p.familyName,
        givenNames: p.givenNames ?? null,
        dateOfBirth: p.dateOfBirth ?? null,
        names: (p.names ?? []).map((n) => ({ ...n, givenNames: n.givenNames ?? null })),
        addresses: (p.addresses ?? []).map((a) => ({
          street: a.street,
          houseNumber: a.houseNumber ?? null,
          postalCode: a.postalCode ?? null,
          city: a.city ?? null,
        })),
      } satisfies PersonForKeys),
    );
    const words = keys
      .flatMap((k) => k.words)
      .filter((w) => !seenWords.has(w.word) && (seenWords.add(w.word), true));
    await insertSearchKeys({
      db,
      names: keys.flatMap((k) => k.names),
      words,
      addresses: keys.flatMap((k) => k.addresses),
    });
  }
  return ids;
}
