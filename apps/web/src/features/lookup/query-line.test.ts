import { describe, expect, it } from 'vitest';
import { queryLine } from './query-line';

describe('what was asked, in a line', () => {
  it.each([
    [{ familyName: 'Maier', givenNames: 'Klaus' }, 'de', 'Maier, Klaus'],
    [{ familyName: 'Novak', dateOfBirth: '1985' }, 'de', 'Novak · 1985'],
    [{ familyName: 'Meyer', dateOfBirth: '1980-05-17' }, 'en', 'Meyer · 17/05/1980'],
    [
      { address: { street: 'Bahnhofstr.', houseNumber: '7 a', city: 'Musterstadt' } },
      'de',
      'Bahnhofstr. 7 a, Musterstadt',
    ],
    [
      {
        familyName: 'Schulz',
        address: { street: 'Hauptstr.', postalCode: '12345' },
        dateOfBirth: '1990-01',
      },
      'de',
      'Schulz · 01.1990 · Hauptstr., 12345',
    ],
  ])('%j (%s) reads %s', (query, language, expected) => {
    expect(queryLine(query, language)).toBe(expected);
  });
});
