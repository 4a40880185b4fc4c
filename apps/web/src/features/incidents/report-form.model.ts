import {
  AACHEN_LEVELS,
  type AachenLevel,
  type ComplaintStatus,
  type Incident,
  type IncidentCategory,
  type IncidentReportInput,
  type INJURIES,
} from '@zemag/contracts';

export type Injuries = (typeof INJURIES)[number];

/** A person as typed into the form: every field a string. */
export interface PersonDraft {
  /** Only for React lists; never sent. */
  key: string;
  familyName: string;
  givenNames: string;
  /** As the date field hands it: ISO (`1984-03-07`, `1984-03`, `1984`), or the text as typed. */
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  description: string;
}

export interface Position {
  latitude: number;
  longitude: number;
  accuracyMeters: number | null;
}

/** Everything the report form holds, exactly as typed (so nothing is lost on an error). */
export interface ReportDraft {
  /** `YYYY-MM-DDTHH:mm` in the device's time zone (the value of a datetime-local input). */
  occurredAt: string;
  categories: IncidentCategory[];
  level: AachenLevel;
  /** False while the level follows the categories; true once the reporter chose one. */
  levelChosen: boolean;
  position: Position | null;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  placeDescription: string;
  description: string;
  injuries: Injuries;
  /** `yes`, `no` or `` (unknown). */
  policeInvolved: '' | 'yes' | 'no';
  complaintStatus: ComplaintStatus;
  complaintFileNumber: string;
  persons: PersonDraft[];
}

/** `2026-03-10T09:15` for a datetime-local input, in the device's time zone. */
export function toLocalInput(date: Date): string {
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

/** A fresh draft: now, nothing else. */
export function emptyDraft(now: Date = new Date()): ReportDraft {
  return {
    occurredAt: toLocalInput(now),
    categories: [],
    level: 0,
    levelChosen: false,
    position: null,
    street: '',
    houseNumber: '',
    postalCode: '',
    city: '',
    placeDescription: '',
    description: '',
    injuries: 'unknown',
    policeInvolved: '',
    complaintStatus: 'unknown',
    complaintFileNumber: '',
    persons: [],
  };
}

let personKeys = 0;

export function emptyPerson(): PersonDraft {
  personKeys += 1;
  return {
    key: `person-${personKeys}`,
    familyName: '',
    givenNames: '',
    dateOfBirth: '',
    street: '',
    houseNumber: '',
    postalCode: '',
    city: '',
    description: '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function address(parts: { street: string; houseNumber: string; postalCode: string; city: string }) {
  const any = [parts.street, parts.houseNumber, parts.postalCode, parts.city].some(
    (p) => p.trim() !== '',
  );
  if (!any) return null;
  return {
    street: parts.street.trim(),
    houseNumber: orNull(parts.houseNumber),
    postalCode: orNull(parts.postalCode),
    city: orNull(parts.city),
  };
}

/** True when more than the quick report's minimum was filled in. */
export function hasDetails(draft: ReportDraft): boolean {
  return (
    draft.description.trim() !== '' ||
    draft.injuries !== 'unknown' ||
    draft.policeInvolved !== '' ||
    draft.complaintStatus !== 'unknown' ||
    draft.complaintFileNumber.trim() !== '' ||
    draft.persons.length > 0
  );
}

/** The report to send, from what was typed. `quick` marks a report to be completed later. */
export function toReportInput(draft: ReportDraft): IncidentReportInput {
  const occurred = new Date(draft.occurredAt);
  return {
    occurredAt: Number.isNaN(occurred.getTime()) ? draft.occurredAt : occurred.toISOString(),
    place: {
      address: address(draft),
      description: orNull(draft.placeDescription),
      position: draft.position,
    },
    categories: draft.categories,
    level: draft.level,
    description: draft.description.trim(),
    injuries: draft.injuries,
    policeInvolved: draft.policeInvolved === '' ? null : draft.policeInvolved === 'yes',
    criminalComplaint: {
      status: draft.complaintStatus,
      fileNumber: orNull(draft.complaintFileNumber),
    },
    persons: draft.persons.map((person) => ({
      familyName: orNull(person.familyName),
      givenNames: orNull(person.givenNames),
      dateOfBirth: orNull(person.dateOfBirth),
      address: address(person),
      description: orNull(person.description),
    })),
    quick: !hasDetails(draft),
  };
}

/** A stored report or an outbox entry, read loosely: whatever is there goes back into the form. */
export type ReportSource =
  | IncidentReportInput
  | Pick<
      Incident,
      | 'occurredAt'
      | 'place'
      | 'categories'
      | 'level'
      | 'description'
      | 'injuries'
      | 'policeInvolved'
      | 'criminalComplaint'
      | 'persons'
    >;

const asLevel = (level: number): AachenLevel =>
  (AACHEN_LEVELS as readonly number[]).includes(level) ? (level as AachenLevel) : 0;

/** The form's draft from a stored report or an outbox entry (to complete or correct it). */
export function draftFrom(r: ReportSource): ReportDraft {
  const occurred = new Date(r.occurredAt);
  const place = r.place;
  return {
    occurredAt: Number.isNaN(occurred.getTime()) ? r.occurredAt : toLocalInput(occurred),
    categories: [...(r.categories ?? [])],
    level: asLevel(r.level ?? 0),
    // A one-tap report has no level yet: the form proposes one from the categories.
    levelChosen: r.level !== null && r.level !== undefined,
    position: place.position
      ? { ...place.position, accuracyMeters: place.position.accuracyMeters ?? null }
      : null,
    street: place.address?.street ?? '',
    houseNumber: place.address?.houseNumber ?? '',
    postalCode: place.address?.postalCode ?? '',
    city: place.address?.city ?? '',
    placeDescription: place.description ?? '',
    description: r.description ?? '',
    injuries: r.injuries ?? 'unknown',
    policeInvolved:
      r.policeInvolved === null || r.policeInvolved === undefined
        ? ''
        : r.policeInvolved
          ? 'yes'
          : 'no',
    complaintStatus: r.criminalComplaint?.status ?? 'unknown',
    complaintFileNumber: r.criminalComplaint?.fileNumber ?? '',
    persons: (r.persons ?? []).map((p) => {
      return {
        ...emptyPerson(),
        familyName: p.familyName ?? '',
        givenNames: p.givenNames ?? '',
        dateOfBirth: p.dateOfBirth ?? '',
        street: p.address?.street ?? '',
        houseNumber: p.address?.houseNumber ?? '',
        postalCode: p.address?.postalCode ?? '',
        city: p.address?.city ?? '',
        description: p.description ?? '',
      };
    }),
  };
}
