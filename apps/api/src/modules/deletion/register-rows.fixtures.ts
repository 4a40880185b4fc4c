import type { DbOrTx } from '../../db/database.js';
import { incidentPersons } from '../incidents/incidents.table.js';
import { listingIncidents, listings } from '../listings/listings.table.js';

/** Test data written straight into the tables: rows the deletion and retention fixtures share. */

/** The persons a report names, in order (null: a person nobody linked yet). */
export async function insertIncidentPersons(
  db: DbOrTx,
  incidentId: string,
  personIds: readonly (string | null)[],
) {
  if (personIds.length === 0) return;
  await db.insert(incidentPersons).values(
    personIds.map((personId, position) => ({
      incidentId,
      position,
      familyName: 'Muster',
      personId,
    })),
  );
}

/** The reports a listing rests on. */
export async function insertListingIncidents(
  db: DbOrTx,
  listingId: string,
  incidentIds: readonly string[],
) {
  if (incidentIds.length === 0) return;
  await db
    .insert(listingIncidents)
    .values(incidentIds.map((incidentId) => ({ listingId, incidentId })));
}

/** A listing (level 2, threat) proposed and last changed `at`, resting on `incidentIds`. */
export async function insertListing(
  db: DbOrTx,
  {
    personId,
    proposedBy,
    at,
    status = 'active',
    validUntil = '2030-01-01',
    closedAt = null,
    incidentIds = [],
  }: {
    personId: string;
    proposedBy: string;
    at: Date;
    status?: string;
    validUntil?: string;
    closedAt?: Date | null;
    incidentIds?: readonly string[];
  },
) {
  const [listing] = await db
    .insert(listings)
    .values({
      personId,
      status,
      level: 2,
      categories: ['threat'],
      precautions: [],
      validUntil,
      proposedBy,
      proposedAt: at,
      closedAt,
      updatedAt: at,
    })
    .returning();
  await insertListingIncidents(db, listing!.id, incidentIds);
  return listing!;
}
