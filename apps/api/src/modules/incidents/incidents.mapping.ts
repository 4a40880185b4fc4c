import type { Incident, IncidentCategory, IncidentSummary, PostalAddress } from '@zemag/contracts';
import type { IncidentMessageRow, IncidentPersonRow, IncidentRow } from './incidents.repository.js';

export type IncidentAction = Incident['actions'][number];

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
    place: {
      address: (i.placeAddress as PostalAddress | null) ?? null,
      description: i.placeDescription,
      position:
        i.latitude !== null && i.longitude !== null
          ? { latitude: i.latitude, longitude: i.longitude, accuracyMeters: i.accuracyMeters }
          : null,
    },
    categories: i.categories as IncidentCategory[],
    level: i.level,
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
