import type { Clock } from '../../clock.js';
import type { Tx } from '../../db/database.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { insertIncident, replaceInvolvedPersons } from '../incidents/incidents.repository.js';
import type { ListingsService } from '../listings/listings.service.js';
import { refreshSearchKeys } from '../lookup/lookup.service.js';
import { insertAddress, insertName, type PersonRecord } from '../persons/persons.repository.js';
import type { PersonsService } from '../persons/persons.service.js';
import type { LegacyAddress, LegacyName, LegacyRow } from './legacy-import.parse.js';
import type { ListingPlan } from './legacy-import.plan.js';
import {
  claimLegacyReference,
  completeLegacyImport,
  listInvolvedIds,
} from './legacy-import.repository.js';

export interface LegacyActor {
  id: string;
  departmentId: string | null;
}

interface WriteDeps {
  tx: Tx;
  audit: AuditService;
  clock: Clock;
  cipher: FieldCipher;
  timeZone: string;
  persons: PersonsService;
  listings: ListingsService;
}

type NameToAdd = LegacyName & { kind: 'alias' | 'former' };

/** Adds names and addresses to a person and rebuilds its search keys. */
async function addNamesAndAddresses(
  tx: Tx,
  personId: string,
  names: NameToAdd[],
  addresses: LegacyAddress[],
) {
  for (const name of names) await insertName({ db: tx, name: { personId, ...name } });
  for (const address of addresses) {
    await insertAddress({ db: tx, address: { personId, ...address } });
  }
  if (names.length > 0 || addresses.length > 0) {
    await refreshSearchKeys({ db: tx, personIds: [personId] });
  }
}

const namesOf = (row: LegacyRow): NameToAdd[] => [
  ...row.aliases.map((n) => ({ ...n, kind: 'alias' as const })),
  ...row.formerNames.map((n) => ({ ...n, kind: 'former' as const })),
];

/**
 * One row, inside the caller's transaction: a confirmed legacy incident with the person as
 * reported, the person record created and linked through the persons service (search keys,
 * audit), aliases and further addresses, and — when the plan says so — a proposed listing
 * through the listings service (its rules checked again). Returns the ids written, or null
 * when the reference was taken meanwhile (another run of the same file).
 */
export async function createFromRow(
  { tx, audit, clock, cipher, timeZone, persons, listings }: WriteDeps,
  actor: LegacyActor,
  row: LegacyRow,
  plan: ListingPlan,
) {
  const now = clock.now();
  const claimed = await claimLegacyReference({
    db: tx,
    row: {
      legacyReference: row.reference,
      rowHash: row.hash,
      importedBy: actor.id,
      importedAt: now,
    },
  });
  if (!claimed) return null;
  const [first, ...moreAddresses] = row.addresses;
  const description = [
    `Übernommen aus der bisherigen Liste, Aktenzeichen ${row.reference}.`,
    row.note,
  ]
    .filter(Boolean)
    .join('\n\n');
  // The incident was reviewed when it entered the old list; the import records it as
  // confirmed by the importing registrar. A listing on it still needs a second registrar.
  const { incident } = await insertIncident({
    cipher,
    db: tx,
    year: localDate(now, timeZone).slice(0, 4),
    incident: {
      status: 'confirmed',
      reporterId: actor.id,
      reporterDepartmentId: actor.departmentId,
      occurredAt: new Date(`${row.incidentDate}T12:00:00Z`),
      placeAddress: null,
      placeDescription: null,
      categories: row.categories,
      level: row.level,
      description,
      injuries: 'unknown',
      policeInvolved: null,
      complaintStatus: row.criminalComplaint.status,
      complaintFileNumber: row.criminalComplaint.fileNumber,
      quick: false,
      reviewerId: actor.id,
      decidedAt: now,
      submittedAt: now,
      updatedAt: now,
    },
  });
  await replaceInvolvedPersons({
    cipher,
    db: tx,
    incidentId: incident.id,
    persons: [
      {
        familyName: row.familyName,
        givenNames: row.givenNames,
        dateOfBirth: row.dateOfBirth,
        address: first ?? null,
        description: null,
      },
    ],
  });
  await audit.record({
    tx,
    actor: actor.id,
    action: 'incident.import_legacy',
    subject: { type: 'incident', id: incident.id },
    details: {
      reference: incident.reference,
      legacyReference: row.reference,
      level: row.level,
      status: 'confirmed',
    },
  });
  const { ids } = await listInvolvedIds({ db: tx, incidentId: incident.id });
  const person = await persons.link({
    actor,
    incidentId: incident.id,
    involvedId: ids[0]!,
    request: {
      create: {
        familyName: row.familyName,
        givenNames: row.givenNames,
        dateOfBirth: row.dateOfBirth,
        notes: null,
        address: first ?? null,
      },
    },
  });
  await addNamesAndAddresses(tx, person.id, namesOf(row), moreAddresses);
  let listingId: string | null = null;
  if (plan.propose) {
    const listing = await listings.propose({
      actor,
      proposal: {
        personId: person.id,
        incidentIds: [incident.id],
        level: row.level as 2 | 3,
        categories: plan.categories,
        precautions: row.precautions,
        precautionsText: row.precautionsText,
        validUntil: plan.validUntil,
        reason: `Übernahme aus der bisherigen Liste (Aktenzeichen ${row.reference})`,
      },
    });
    listingId = listing.id;
  }
  await completeLegacyImport({
    db: tx,
    legacyReference: row.reference,
    ids: { personId: person.id, incidentId: incident.id, listingId },
  });
  return { personId: person.id, incidentId: incident.id, listingId };
}

const key = (...parts: (string | null | undefined)[]) =>
  parts.map((p) => (p ?? '').trim().toLowerCase().replace(/\s+/g, ' ')).join('|');

/**
 * What a changed row adds to the person imported earlier: names and addresses it does not
 * have yet. Nothing else of a changed row is applied (the register is the record now).
 */
export function additionsFor(record: PersonRecord, row: LegacyRow) {
  const knownNames = new Set([
    key(record.person.familyName, record.person.givenNames),
    ...record.names.map((n) => key(n.familyName, n.givenNames)),
  ]);
  const knownAddresses = new Set(
    record.addresses.map((a) => key(a.street, a.houseNumber, a.postalCode)),
  );
  const names = namesOf(row).filter((n) => {
    const k = key(n.familyName, n.givenNames);
    if (knownNames.has(k)) return false;
    knownNames.add(k);
    return true;
  });
  const addresses = row.addresses.filter((a) => {
    const k = key(a.street, a.houseNumber, a.postalCode);
    if (knownAddresses.has(k)) return false;
    knownAddresses.add(k);
    return true;
  });
  return { names, addresses };
}

/** Adds what a changed row adds to the person imported earlier, audited. */
export async function addToPerson(
  { tx, audit }: Pick<WriteDeps, 'tx' | 'audit'>,
  actor: LegacyActor,
  personId: string,
  legacyReference: string,
  additions: ReturnType<typeof additionsFor>,
) {
  await addNamesAndAddresses(tx, personId, additions.names, additions.addresses);
  await audit.record({
    tx,
    actor: actor.id,
    action: 'person.update_legacy',
    subject: { type: 'person', id: personId },
    details: {
      legacyReference,
      namesAdded: additions.names.length,
      addressesAdded: additions.addresses.length,
    },
  });
}
