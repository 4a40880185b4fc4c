import type { Person, PersonCorrectionRequest } from '@zemag/contracts';

export interface NameRow {
  kind: 'alias' | 'former';
  familyName: string;
  givenNames: string;
}
export interface AddressRow {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  validFrom: string;
  validTo: string;
}
/** The person correction form: every value as typed. */
export interface PersonCorrectionForm {
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  names: NameRow[];
  addresses: AddressRow[];
  reason: string;
}

export const EMPTY_ADDRESS: AddressRow = {
  street: '',
  houseNumber: '',
  postalCode: '',
  city: '',
  validFrom: '',
  validTo: '',
};

/** The form prefilled with the record as it is. */
export function correctionFormOf(person: Person): PersonCorrectionForm {
  return {
    familyName: person.familyName,
    givenNames: person.givenNames ?? '',
    dateOfBirth: person.dateOfBirth ?? '',
    names: person.names.map((n) => ({ ...n, givenNames: n.givenNames ?? '' })),
    addresses: person.addresses.map((a) => ({
      street: a.street,
      houseNumber: a.houseNumber ?? '',
      postalCode: a.postalCode ?? '',
      city: a.city ?? '',
      validFrom: a.validFrom ?? '',
      validTo: a.validTo ?? '',
    })),
    reason: '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request: only the fields that differ from the record (the server compares again). */
export function personCorrectionRequest(
  person: Person,
  form: PersonCorrectionForm,
): PersonCorrectionRequest {
  const before = correctionFormOf(person);
  const changes: PersonCorrectionRequest['changes'] = {};
  if (form.familyName.trim() !== before.familyName) changes.familyName = form.familyName.trim();
  if (form.givenNames.trim() !== before.givenNames) changes.givenNames = orNull(form.givenNames);
  if (form.dateOfBirth.trim() !== before.dateOfBirth) {
    changes.dateOfBirth = orNull(form.dateOfBirth);
  }
  if (JSON.stringify(form.names) !== JSON.stringify(before.names)) {
    changes.names = form.names.map((n) => ({
      kind: n.kind,
      familyName: n.familyName.trim(),
      givenNames: orNull(n.givenNames),
    }));
  }
  if (JSON.stringify(form.addresses) !== JSON.stringify(before.addresses)) {
    changes.addresses = form.addresses.map((a) => ({
      street: a.street.trim(),
      houseNumber: orNull(a.houseNumber),
      postalCode: orNull(a.postalCode),
      city: orNull(a.city),
      validFrom: orNull(a.validFrom),
      validTo: orNull(a.validTo),
    }));
  }
  return { reason: form.reason.trim(), expectedUpdatedAt: person.updatedAt, changes };
}

/** The form field a server error names: `changes.addresses.0.street` → `addresses.0.street`. */
export function correctionFieldOf(field: string): string {
  return field.startsWith('changes.') ? field.slice('changes.'.length) : field;
}
