import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import { listings } from '../listings/listings.table.js';
import { personAddresses, personNames, persons } from '../persons/persons.table.js';
import { searchKeysOf, type PersonForKeys } from './lookup.keys.js';
import { insertSearchKeys } from './lookup.repository.js';

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
      contact: '0221 123-4567, zemag@stadt.example',
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
    await db.insert(persons).values(
      part.map((p) => ({
        id: p.id,
        familyName: p.familyName,
        givenNames: p.givenNames ?? null,
        dateOfBirth: p.dateOfBirth ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const names = part.flatMap((p) =>
      (p.names ?? []).map((n) => ({
        personId: p.id,
        kind: n.kind,
        familyName: n.familyName,
        givenNames: n.givenNames ?? null,
      })),
    );
    if (names.length > 0) await db.insert(personNames).values(names);
    const addresses = part.flatMap((p) =>
      (p.addresses ?? []).map((a) => ({
        personId: p.id,
        street: a.street,
        houseNumber: a.houseNumber ?? null,
        postalCode: a.postalCode ?? null,
        city: a.city ?? null,
        validTo: a.validTo ?? null,
      })),
    );
    if (addresses.length > 0) await db.insert(personAddresses).values(addresses);
    const listed = part.filter((p) => p.listing);
    if (listed.length > 0) {
      await db.insert(listings).values(
        listed.map((p) => {
          const l = p.listing!;
          return {
            personId: p.id,
            status: l.status,
            restricted: l.restricted ?? false,
            level: l.level ?? 2,
            categories: l.categories ?? ['threat'],
            precautions: l.precautions ?? ['pairs_only'],
            precautionsText: l.precautionsText ?? null,
            validUntil: l.validUntil ?? '2099-12-31',
            proposedBy: registrarId,
            proposedAt: now,
            ...(l.status === 'proposed' ? {} : { activatedBy: registrarId, activatedAt: now }),
            updatedAt: now,
          };
        }),
      );
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
