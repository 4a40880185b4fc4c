import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.js';
import { insertIncidentPersons, insertListing } from '../deletion/register-rows.fixtures.js';
import { auditTerms } from '../audit/audit.table.js';
import { users } from '../identity/identity.table.js';
import { incidents } from '../incidents/incidents.table.js';
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
  await insertIncidentPersons(db, incident!.id, personIds);
  return incident!;
}

export async function makeListing(
  db: DbOrTx,
  options: Omit<Parameters<typeof insertListing>[1], 'at'>,
) {
  return insertListing(db, { ...options, at: T0 });
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
