import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.js';
import { insertIncidentPersons, insertListing } from './register-rows.fixtures.js';
import { users } from '../identity/identity.table.js';
import { corrections } from '../corrections/corrections.table.js';
import { incidentMessages, incidents } from '../incidents/incidents.table.js';
import { listingHistory } from '../listings/listings.table.js';
import { personNames, persons } from '../persons/persons.table.js';
import { subjectRequests } from '../subject-requests/subject-requests.table.js';

/** Test data for the deletion primitives, written straight into the tables. */

const T0 = new Date('2026-03-01T10:00:00Z');
let n = 0;

export async function makeUser(db: DbOrTx) {
  n += 1;
  const [user] = await db
    .insert(users)
    .values({ username: `del.${n}.${randomUUID().slice(0, 8)}`, displayName: 'T', createdAt: T0 })
    .returning();
  return user!;
}

export async function makePerson(db: DbOrTx, mergedIntoId: string | null = null) {
  const [person] = await db
    .insert(persons)
    .values({ familyName: 'Muster', givenNames: 'Max', mergedIntoId, createdAt: T0, updatedAt: T0 })
    .returning();
  await db.insert(personNames).values({ personId: person!.id, kind: 'alias', familyName: 'M' });
  return person!;
}

/** A report naming the given persons (null: a person nobody linked yet), with a message and a
 * correction. */
export async function makeIncident(db: DbOrTx, reporterId: string, personIds: (string | null)[]) {
  n += 1;
  const [incident] = await db
    .insert(incidents)
    .values({
      reference: `V-${n}-${randomUUID().slice(0, 6)}`,
      status: 'confirmed',
      reporterId,
      occurredAt: T0,
      placeAddress: { street: 'Hauptstraße 1' },
      placeDescription: 'Flur',
      latitude: 52.5,
      longitude: 13.4,
      accuracyMeters: 10,
      categories: ['threat'],
      level: 2,
      description: 'Herr Muster drohte.',
      injuries: 'none',
      complaintStatus: 'none',
      quick: false,
      submittedAt: T0,
      updatedAt: T0,
    })
    .returning();
  const id = incident!.id;
  await insertIncidentPersons(db, id, personIds);
  await db.insert(incidentMessages).values({
    incidentId: id,
    kind: 'question',
    body: 'Wer?',
    authorId: reporterId,
    createdAt: T0,
  });
  await db.insert(corrections).values({
    incidentId: id,
    actorId: reporterId,
    reason: 'typo',
    changes: { description: { from: 'Herr Muster', to: 'Herr Muster drohte.' } },
    at: T0,
  });
  return incident!;
}

export async function makeListing(
  db: DbOrTx,
  personId: string,
  proposedBy: string,
  incidentIds: string[],
  status = 'active',
) {
  const listing = await insertListing(db, {
    personId,
    proposedBy,
    at: T0,
    status,
    validUntil: '2028-01-01',
    incidentIds,
  });
  await db.insert(listingHistory).values({
    listingId: listing.id,
    action: 'proposed',
    actorId: proposedBy,
    changes: {},
    at: T0,
  });
  return listing;
}

export async function makeSubjectRequest(db: DbOrTx, personId: string, recordedBy: string) {
  n += 1;
  const [request] = await db
    .insert(subjectRequests)
    .values({
      reference: `A-${n}-${randomUUID().slice(0, 6)}`,
      personId,
      kind: 'erasure',
      receivedOn: '2026-03-01',
      identityCheck: 'id card',
      dueOn: '2026-04-01',
      recordedBy,
      recordedAt: T0,
      updatedAt: T0,
    })
    .returning();
  return request!;
}
