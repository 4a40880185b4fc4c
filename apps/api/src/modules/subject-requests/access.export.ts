import type { PersonRows } from './access.repository.js';

/** What stands in for a registrar: the office, never a person's name or id. */
export const REGISTRAR_OFFICE = 'Registerstelle';
/** What stands in for a withheld value (Art. 15(4) GDPR: rights and freedoms of others). */
export const WITHHELD = 'zurückgehalten (Art. 15 Abs. 4 DSGVO)';

/** A statement of what was withheld and why, in both languages. */
export interface WithheldStatement {
  what: { de: string; en: string };
  reason: { de: string; en: string };
  count: number;
}

const EMPLOYEE_REASON = {
  de: 'Schutz der Beschäftigten (Art. 15 Abs. 4 DSGVO): Ihr Name ließe Rückschlüsse auf die meldende oder prüfende Person zu.',
  en: 'Protection of staff (Art. 15(4) GDPR): it would identify the employee who reported or reviewed.',
};
const THIRD_PARTY_REASON = {
  de: 'Rechte und Freiheiten Dritter (Art. 15 Abs. 4 DSGVO): Es sind Daten anderer Personen.',
  en: 'Rights and freedoms of others (Art. 15(4) GDPR): these are data about other people.',
};

type Row = Record<string, unknown>;
const replace = (row: Row, keys: readonly string[], value: string): Row => {
  const copy: Row = { ...row };
  for (const key of keys) if (key in copy) copy[key] = copy[key] === null ? null : value;
  return copy;
};

/**
 * The Art. 15 GDPR answer as one JSON document: every stored row of the person, with employee
 * identities replaced by "Registerstelle" or withheld, other persons and staff messages left
 * out and counted, and a statement of each withholding with its reason.
 */
export function accessExport({
  rows,
  request,
  generatedOn,
  office,
}: {
  rows: PersonRows;
  request: { reference: string };
  generatedOn: string;
  office: string;
}) {
  const registrarFields = {
    persons: ['createdBy'],
    listings: ['proposedBy', 'activatedBy', 'extensionProposedBy'],
    history: ['actorId'],
    corrections: ['actorId'],
    requests: ['recordedBy', 'decidedBy', 'erasureProposedBy'],
  } as const;
  const incidentsOut = rows.incidents.map((incident) => ({
    ...replace(incident, ['reporterId', 'reporterDepartmentId', 'reviewerId'], WITHHELD),
    involvement: rows.ownRows.filter((r) => r.incidentId === incident.id),
    otherPersonsWithheld: rows.otherPersons.get(incident.id) ?? 0,
    messagesWithheld: rows.messages.get(incident.id) ?? 0,
  }));
  const listingsOut = rows.listings.map((listing) => ({
    ...replace(listing, registrarFields.listings, REGISTRAR_OFFICE),
    incidentIds: rows.grounds.filter((g) => g.listingId === listing.id).map((g) => g.incidentId),
    history: rows.history
      .filter((h) => h.listingId === listing.id)
      .map((h) => ({ ...h, actorId: REGISTRAR_OFFICE })),
  }));
  const letters = rows.listings.map((l) => ({
    listingId: l.id,
    state: l.notificationState,
    sentOn: l.notificationSentOn,
    holdReason: l.notificationHoldReason,
    reviewOn: l.notificationReviewOn,
  }));
  const disclosures = [
    ...rows.disclosures.recorded.map((d) => ({ ...d, source: 'lookup_disclosures' as const })),
    ...rows.disclosures.fromAudit.map((d) => ({
      id: null,
      personId: rows.person.id,
      departmentId: d.departmentId,
      department: d.department,
      occurredAt: d.occurredAt,
      auditSeq: d.seq,
      source: 'audit' as const,
    })),
  ].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const others = incidentsOut.reduce((n, i) => n + i.otherPersonsWithheld, 0);
  const messages = incidentsOut.reduce((n, i) => n + i.messagesWithheld, 0);
  const withheld: WithheldStatement[] = [
    {
      what: {
        de: 'Name und Dienststelle der meldenden und der prüfenden beschäftigten Person je Vorfall',
        en: 'Name and department of the employee who reported and who reviewed each incident',
      },
      reason: EMPLOYEE_REASON,
      count: rows.incidents.length,
    },
    {
      what: {
        de: 'Namen der Beschäftigten der Registerstelle (stattdessen: „Registerstelle“)',
        en: 'Names of the registry staff (instead: “Registerstelle”)',
      },
      reason: EMPLOYEE_REASON,
      count: rows.listings.length + rows.history.length + rows.corrections.length,
    },
    {
      what: {
        de: 'Angaben zu weiteren an den Vorfällen beteiligten Personen',
        en: 'Data on other persons involved in the incidents',
      },
      reason: THIRD_PARTY_REASON,
      count: others,
    },
    {
      what: {
        de: 'Nachrichten zwischen Beschäftigten (Rückfragen und Antworten zu den Meldungen)',
        en: 'Messages between staff (questions and answers about the reports)',
      },
      reason: {
        de: 'Interne Kommunikation mit Angaben über Beschäftigte und Dritte (Art. 15 Abs. 4 DSGVO).',
        en: 'Internal communication with data about staff and others (Art. 15(4) GDPR).',
      },
      count: messages,
    },
  ];
  return {
    reference: request.reference,
    generatedOn,
    controller: office,
    person: replace(rows.person, registrarFields.persons, REGISTRAR_OFFICE),
    mergedRecords: rows.merged.map((m) => replace(m, registrarFields.persons, REGISTRAR_OFFICE)),
    aliases: rows.aliases,
    addresses: rows.addresses,
    incidents: incidentsOut,
    listings: listingsOut,
    letters,
    corrections: rows.corrections.map((c) => ({ ...c, actorId: REGISTRAR_OFFICE })),
    subjectRequests: rows.requests.map((r) =>
      replace(r, registrarFields.requests, REGISTRAR_OFFICE),
    ),
    disclosures,
    withheld,
  };
}
export type AccessExport = ReturnType<typeof accessExport>;
