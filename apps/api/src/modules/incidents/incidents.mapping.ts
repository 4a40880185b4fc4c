import type { Incident, IncidentCategory, IncidentSummary, PostalAddress } from '@zemag/contracts';
import type { IncidentMessageRow, IncidentPersonRow, IncidentRow } from './incidents.repository.js';

export type IncidentAction = Incident['actions'][number];

/** What a report says happened: the part a reporter sends and a registrar may correct. */
export interface IncidentFacts {
  occurredAt: string;
  place: Incident['place'];
  categories: readonly string[];
  /** Null while a one-tap report is incomplete. */
  level: number | null;
  description: string;
  injuries: string;
  policeInvolved: boolean | null;
  criminalComplaint: { status: string; fileNumber: string | null };
}

/** The columns that hold a report's facts. */
export function factColumns(facts: IncidentFacts) {
  return {
    occurredAt: new Date(facts.occurredAt),
    placeAddress: facts.place.address,
    placeDescription: facts.place.description,
    latitude: facts.place.position?.latitude ?? null,
    longitude: facts.place.position?.longitude ?? null,
    accuracyMeters: facts.place.position?.accuracyMeters ?? null,
    categories: [...facts.categories],
    level: facts.level,
    description: facts.description,
    injuries: facts.injuries,
    policeInvolved: facts.policeInvolved,
    complaintStatus: facts.criminalComplaint.status,
    complaintFileNumber: facts.criminalComplaint.fileNumber,
  };
}

/** Where it happened, as the API shows it: address, description and position (any may be null). */
export function placeOf(
  i: Pick<
    IncidentRow,
    'placeAddress' | 'placeDescription' | 'latitude' | 'longitude' | 'accuracyMeters'
  >,
): Incident['place'] {
  return {
    address: (i.placeAddress as PostalAddress | null) ?? null,
    description: i.placeDescription,
    position:
      i.latitude !== null && i.longitude !== null
        ? { latitude: i.latitude, longitude: i.longitude, accuracyMeters: i.accuracyMeters }
        : null,
  };
}

/** One line for lists: the place as short text (address, else description). */
export function placeLine(row: Pick<IncidentRow, 'placeAddress' | 'placeDescription'>) {
  const address = row.placeAddress as PostalAddress | null;
  if (address) {
    return [
      [address.street, address.houseNumber].filter(Boolean).join(' '),
      [address.postalCode, address.city].filter(Boolean).join(' '),
    ]
      .filter(Boolean)
      .join(', ');
  }
  return row.placeDescription;
}

export function toSummary(row: {
  incident: IncidentRow;
  reporterName: string;
  openQuestion: boolean;
}): IncidentSummary {
  const i = row.incident;
  return {
    id: i.id,
    reference: i.reference,
    status: i.status as IncidentSummary['status'],
    occurredAt: i.occurredAt.toISOString(),
    submittedAt: i.submittedAt.toISOString(),
    categories: i.categories as IncidentCategory[],
    level: i.level,
    incomplete: i.level === null,
    quick: i.quick,
    reporter: row.reporterName,
    place: placeLine(i),
    openQuestion: row.openQuestion,
  };
}

export function toIncident(
  found: {
    incident: IncidentRow;
    reporterName: string;
    department: string | null;
    persons: IncidentPersonRow[];
    messages: IncidentMessageRow[];
  },
  options: { actions: IncidentAction[]; showPersonLinks: boolean },
): Incident {
  const i = found.incident;
  return {
    id: i.id,
    reference: i.reference,
    status: i.status as Incident['status'],
    occurredAt: i.occurredAt.toISOString(),
    place: placeOf(i),
    categories: i.categories as IncidentCategory[],
    level: i.level,
    incomplete: i.level === null,
    description: i.description,
    injuries: i.injuries as Incident['injuries'],
    policeInvolved: i.policeInvolved,
    criminalComplaint: {
      status: i.complaintStatus as Incident['criminalComplaint']['status'],
      fileNumber: i.complaintFileNumber,
    },
    persons: found.persons.map((p) => ({
      id: p.id,
      familyName: p.familyName,
      givenNames: p.givenNames,
      dateOfBirth: p.dateOfBirth,
      address: (p.address as PostalAddress | null) ?? null,
      description: p.description,
      personId: options.showPersonLinks ? p.personId : null,
    })),
    quick: i.quick,
    reporter: { id: i.reporterId, displayName: found.reporterName, department: found.department },
    submittedAt: i.submittedAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
    messages: found.messages.map((m) => ({
      id: m.id,
      kind: m.kind as Incident['messages'][number]['kind'],
      body: m.body,
      author: { id: m.authorId, displayName: m.authorName },
      createdAt: m.createdAt.toISOString(),
    })),
    actions: options.actions,
  };
}
