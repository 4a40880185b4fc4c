import type { Person } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { correctionFormOf, personCorrectionRequest } from './correction.model';

const person: Person = {
  id: '00000000-0000-4000-8000-000000000001',
  familyName: 'Meyer',
  givenNames: 'Klaus',
  dateOfBirth: '1975',
  notes: null,
  names: [],
  addresses: [
    {
      street: 'Ringstraße',
      houseNumber: '4',
      postalCode: null,
      city: null,
      validFrom: null,
      validTo: null,
    },
  ],
  mergedIntoId: null,
  updatedAt: '2026-01-15T08:00:00.000Z',
};

describe('the person correction form', () => {
  it('sends only what differs, with the updatedAt seen', () => {
    const form = correctionFormOf(person);
    expect(personCorrectionRequest(person, { ...form, reason: ' Ausweis ' })).toEqual({
      reason: 'Ausweis',
      expectedUpdatedAt: person.updatedAt,
      changes: {},
    });
    const changed = {
      ...form,
      familyName: 'Meier ',
      givenNames: '',
      names: [{ kind: 'former' as const, familyName: 'Meyer', givenNames: '' }],
    };
    expect(personCorrectionRequest(person, changed).changes).toEqual({
      familyName: 'Meier',
      givenNames: null,
      names: [{ kind: 'former', familyName: 'Meyer', givenNames: null }],
    });
  });
});
