import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { sealInvolvedDescription } from './incidents.repository.js';
import { listingIncidents, listings } from '../listings/listings.table.js';
import { incidentPersons, incidents } from './incidents.table.js';

/**
 * The proposed and active listings that rest on an incident, each with all the incidents it
 * rests on (to check the listing rule again after a correction). Locks those listings.
 */
export async function listOpenListingsOnIncident({
  db,
  incidentId,
}: {
  db: DbOrTx;
  incidentId: string;
}) {
  const open = await db
    .select({ id: listings.id })
    .from(listings)
    .innerJoin(listingIncidents, eq(listingIncidents.listingId, listings.id))
    .where(
      and(
        eq(listingIncidents.incidentId, incidentId),
        inArray(listings.status, ['proposed', 'active']),
      ),
    )
    .for('update', { of: listings });
  if (open.length === 0) return { listings: [] };
  const grounds = await db
    .select({ listingId: listingIncidents.listingId, incident: incidents })
    .from(listingIncidents)
    .innerJoin(incidents, eq(incidents.id, listingIncidents.incidentId))
    .where(
      inArray(
        listingIncidents.listingId,
        open.map((l) => l.id),
      ),
    );
  return {
    listings: open.map((l) => ({
      id: l.id,
      grounds: grounds.filter((g) => g.listingId === l.id).map((g) => g.incident),
    })),
  };
}

/** Sets the reported data of one person involved; the link to a person record stays. */
export async function updateInvolvedReported({
  db,
  cipher,
  involvedId,
  reported,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  involvedId: string;
  reported: Pick<
    typeof incidentPersons.$inferInsert,
    'familyName' | 'givenNames' | 'dateOfBirth' | 'address' | 'description'
  >;
}) {
  const description = await sealInvolvedDescription(db, cipher, involvedId, reported.description);
  await db
    .update(incidentPersons)
    .set({ ...reported, description })
    .where(eq(incidentPersons.id, involvedId));
}
