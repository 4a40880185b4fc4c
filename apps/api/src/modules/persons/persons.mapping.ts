import type { Person } from '@zemag/contracts';
import type { PersonRecord } from './persons.repository.js';

export function toPerson({ person, names, addresses }: PersonRecord): Person {
  return {
    id: person.id,
    familyName: person.familyName,
    givenNames: person.givenNames,
    dateOfBirth: person.dateOfBirth,
    notes: person.notes,
    names: names.map((n) => ({
      kind: n.kind as 'alias' | 'former',
      familyName: n.familyName,
      givenNames: n.givenNames,
    })),
    addresses: addresses.map((a) => ({
      street: a.street,
      houseNumber: a.houseNumber,
      postalCode: a.postalCode,
      city: a.city,
      validFrom: a.validFrom,
      validTo: a.validTo,
    })),
    mergedIntoId: person.mergedIntoId,
    updatedAt: person.updatedAt.toISOString(),
  };
}
