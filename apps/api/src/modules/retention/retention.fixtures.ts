import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.js';
import { auditTerms } from '../audit/audit.table.js';
import { users } from '../identity/identity.table.js';
import { incidentPersons, incidents } from '../incidents/incidents.table.js';
import { listingIncidents, listings } from '../listings/listings.table.js';
import { persons } from '../persons/persons.table.js';
import { subjectRequests } from '../subject-requests/subject-requests.table.js';

/** Test data for the retention job, written straight into the tables with the dates a rule reads. */

const T0 = new Date('2020-01-01T10:00:00Z');

export async function makeUser(db: DbOrTx) {
  const [user] = await db
    .insert(users)
    .values({ username: `ret.${randomUUID().slice(0, 12)}`, displayName: 'T', createdAt: T0 })
    .returning();
  return user!;
}

export async function makePerson(db: DbOrTx, updatedAt: Date = T0) {
  const [person] = await db
    .insert(persons)
    .values({ familyName: 'Muster', givenNames: 'Max', createdAt: T0, updatedAt })
    .returning();
  return person!;
}

export async function makeIncident(
  db: DbOrTx,
  {
    reporterId,
    status = 'confirmed',
    occurredAt = T0,
    updatedAt = T0,
    personIds = [],
  }: {
    reporterId: string;
    status?: string;
    occurredAt?: Date;
    updatedAt?: Date;
    personIds?: string[];
  },
) {
  const [incident] = await db
    .insert(incidents)
    .values({
      reference: `V-${randomUUID().slice(0, 12)}`,
      status,
      reporterId,
      occurredAt,
      placeDescription: 'Flur',
      categories: ['threat'],
      level: 2,
      description: 'Herr Muster drohte.',
      injuries: 'none',
      complaintStatus: 'yes',
      quick: false,
      submittedAt: occurredAt,
      updatedAt,
    })
    .returning();
  if (personIds.length > 0) {
    await db.insert(incidentPersons).values(
      personIds.map((personId, position) => ({
        incidentId: incident!.id,
        position,
        familyName: 'Muster',
        personId,
      })),
    );
  }
  return incident!;
}

export async function makeListing(
  db: DbOrTx,
  {
    personId,
    proposedBy,
    status = 'active',
    validUntil = '2030-01-01',
    closedAt = null,
    incidentIds = [],
  }: {
    personId: string;
    proposedBy: string;
    status?: string;
    validUntil?: string;
    closedAt?: Date | null;
    incidentIds?: string[];
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
      proposedAt: T0,
      closedAt,
      updatedAt: T0,
    })
    .returning();
  if (incidentIds.length > 0) {
    await db
      .insert(listingIncidents)
      .values(incidentIds.map((incidentId) => ({ listingId: listing!.id, incidentId })));
  }
  return listing!;
}

export async function makeOpenRequest(db: DbOrTx, personId: string, recordedBy: string) {
  await db.insert(subjectRequests).values({
    reference: `A-${randomUUID().slice(0, 12)}`,
    personId,
    kind: 'access',
    receivedOn: '2020-01-01',
    identityCheck: 'Personalausweis',
    dueOn: '2020-02-01',
    recordedBy,
    recordedAt: T0,
    updatedAt: T0,
  });
}

let termsSeq = 1_000_000;
export async function makeAuditTerms(db: DbOrTx, occurredAt: Date) {
  termsSeq += 1;
  await db
    .insert(auditTerms)
    .values({ seq: termsSeq, salt: 'x', terms: { familyName: 'Muster' }, occurredAt });
  return termsSeq;
}
