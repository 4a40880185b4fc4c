import type {
  IncidentCategory,
  IncidentSummary,
  InvolvedPerson,
  ListingProposal,
  NotificationRecord,
  PersonInput,
  PostalAddress,
} from '@zemag/contracts';
import { ApiError } from '../../api/api-error';

/** A postal address in one line: `Hauptstraße 5, 12345 Musterstadt`. */
export function addressLine(address: {
  street: string;
  houseNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
}): string {
  const street = [address.street, address.houseNumber].filter(Boolean).join(' ');
  const city = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ');
}

/** A person's name as registers write it: `Muster, Max` (family name first). */
export function personName(person: {
  familyName: string | null;
  givenNames?: string | null;
}): string {
  return [person.familyName, person.givenNames].filter(Boolean).join(', ');
}

/** The reports a listing may rest on: only confirmed ones (the server checks the rest). */
export function confirmedReports(incidents: readonly IncidentSummary[]): IncidentSummary[] {
  return incidents.filter((incident) => incident.status === 'confirmed');
}

/**
 * What the server will take when the proposal leaves level and categories open: the highest
 * level of the grounds (2 or 3) and their categories without insults. Shown as the default;
 * never sent, so the server's own rule decides.
 */
export function groundDefaults(
  grounds: readonly { level: number | null; categories: readonly IncidentCategory[] }[],
): {
  level: 2 | 3 | null;
  categories: IncidentCategory[];
} {
  if (grounds.length === 0) return { level: null, categories: [] };
  const level = Math.max(...grounds.map((g) => g.level ?? 0)) >= 3 ? 3 : 2;
  const categories = [
    ...new Set(grounds.flatMap((g) => g.categories).filter((c) => c !== 'insult')),
  ];
  return { level, categories };
}

/** The person-record form, prefilled from what the reporter wrote (all editable). */
export interface PersonForm {
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  notes: string;
}

export function personFormFromReport(involved: InvolvedPerson): PersonForm {
  return {
    familyName: involved.familyName ?? '',
    givenNames: involved.givenNames ?? '',
    dateOfBirth: involved.dateOfBirth ?? '',
    street: involved.address?.street ?? '',
    houseNumber: involved.address?.houseNumber ?? '',
    postalCode: involved.address?.postalCode ?? '',
    city: involved.address?.city ?? '',
    notes: involved.description ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The record to create; an address only when a street is given. */
export function personInputFromForm(form: PersonForm): PersonInput {
  const address: PostalAddress | null = orNull(form.street)
    ? {
        street: form.street.trim(),
        houseNumber: orNull(form.houseNumber),
        postalCode: orNull(form.postalCode),
        city: orNull(form.city),
      }
    : null;
  return {
    familyName: form.familyName.trim(),
    givenNames: orNull(form.givenNames),
    dateOfBirth: orNull(form.dateOfBirth),
    notes: orNull(form.notes),
    address,
  };
}

/** The proposal form as the registrar fills it in. */
export interface ProposalForm {
  incidentIds: string[];
  /** `auto`: the server takes the highest level of the grounds. */
  level: 'auto' | '2' | '3';
  /** null: the categories of the grounds (the server's default). */
  categories: IncidentCategory[] | null;
  precautions: string[];
  precautionsText: string;
  /** Empty: the configured default after the latest incident. */
  validUntil: string;
  reason: string;
}

export type ProposalField = 'incidentIds' | 'categories' | 'reason';

/** Checks the form the way a person would before sending; the server checks the rules. */
export function proposalProblems(form: ProposalForm): ProposalField[] {
  const problems: ProposalField[] = [];
  if (form.incidentIds.length === 0) problems.push('incidentIds');
  if (form.categories !== null && form.categories.length === 0) problems.push('categories');
  if (form.reason.trim().length < 3) problems.push('reason');
  return problems;
}

/** The request body: open choices stay out, so the server applies its defaults. */
export function proposalFromForm(personId: string, form: ProposalForm): ListingProposal {
  return {
    personId,
    incidentIds: form.incidentIds,
    ...(form.level === 'auto' ? {} : { level: Number(form.level) as 2 | 3 }),
    ...(form.categories === null ? {} : { categories: form.categories }),
    precautions: form.precautions,
    precautionsText: orNull(form.precautionsText),
    ...(form.validUntil.trim() === '' ? {} : { validUntil: form.validUntil.trim() }),
    reason: form.reason.trim(),
  };
}

/** Adds or removes one value of a checkbox group, keeping the catalogue's order. */
export function toggle<T>(values: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const next = new Set(values);
  if (on) next.add(value);
  else next.delete(value);
  return order.filter((item) => next.has(item));
}

/** The notification form: sent on a date, or held back with a reason and a review date. */
export interface NotificationForm {
  state: 'sent' | 'held_back';
  sentOn: string;
  reason: string;
  reviewOn: string;
}

export type NotificationField = 'sentOn' | 'reason' | 'reviewOn';

export function notificationProblems(form: NotificationForm): NotificationField[] {
  if (form.state === 'sent') return form.sentOn === '' ? ['sentOn'] : [];
  const problems: NotificationField[] = [];
  if (form.reason.trim().length < 10) problems.push('reason');
  if (form.reviewOn === '') problems.push('reviewOn');
  return problems;
}

export function notificationFromForm(form: NotificationForm): NotificationRecord {
  return form.state === 'sent'
    ? { state: 'sent', sentOn: form.sentOn }
    : { state: 'held_back', reason: form.reason.trim(), reviewOn: form.reviewOn };
}

/** The server names address fields `address.street`; the person form knows them as `street`. */
export function personFieldOf(name: string): string {
  return name.replace(/^(create\.)?(address\.)?/, '');
}

/** The same failure with the field names a form uses. */
export function renameFieldErrors(error: ApiError, rename: (field: string) => string): ApiError {
  return new ApiError({
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    fieldErrors: error.fieldErrors.map((e) => ({ ...e, field: rename(e.field) })),
  });
}

/** The changes a history entry records, in a fixed order; unknown keys are left out. */
export const HISTORY_KEYS = [
  'status',
  'level',
  'categories',
  'precautions',
  'precautionsText',
  'validUntil',
  'incidentIds',
  'sentOn',
  'reviewOn',
  'until',
  'previousValidUntil',
] as const;
export type HistoryKey = (typeof HISTORY_KEYS)[number];

export function historyChanges(
  changes: Record<string, unknown>,
): { key: HistoryKey; value: unknown }[] {
  return HISTORY_KEYS.filter(
    (key) => key in changes && changes[key] !== null && changes[key] !== '',
  ).map((key) => ({ key, value: changes[key] }));
}
