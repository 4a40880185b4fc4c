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
  };
}

/** Why a record was suggested as the same person as the one reported. */
export function similarityReasons(
  reported: { familyName: string; givenNames: string | null; dateOfBirth: string | null },
  candidate: Person,
): ('family_name' | 'similar_family_name' | 'given_names' | 'date_of_birth')[] {
  const lower = (s: string | null) => (s ?? '').trim().toLowerCase();
  const family = [candidate.familyName, ...candidate.names.map((n) => n.familyName)].map(lower);
  const reasons: ReturnType<typeof similarityReasons> = [];
  reasons.push(family.includes(lower(reported.familyName)) ? 'family_name' : 'similar_family_name');
  const given = new Set(lower(candidate.givenNames).split(/\s+/).filter(Boolean));
  if (
    lower(reported.givenNames)
      .split(/\s+/)
      .some((g) => given.has(g))
  )
    reasons.push('given_names');
  if (
    reported.dateOfBirth &&
    candidate.dateOfBirth &&
    (reported.dateOfBirth.startsWith(candidate.dateOfBirth) ||
      candidate.dateOfBirth.startsWith(reported.dateOfBirth))
  ) {
    reasons.push('date_of_birth');
  }
  return reasons;
}
