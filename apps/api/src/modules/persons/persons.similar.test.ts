import type { Person } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { duplicateReasons, rankDuplicates, similarPersonKeys } from './persons.similar.js';

function person(
  familyName: string,
  givenNames: string | null,
  dateOfBirth: string | null,
  aliases: string[] = [],
): Person {
  return {
    id: crypto.randomUUID(),
    familyName,
    givenNames,
    dateOfBirth,
    notes: null,
    names: aliases.map((a) => ({ kind: 'alias' as const, familyName: a, givenNames: null })),
    addresses: [],
    mergedIntoId: null,
    updatedAt: '2026-01-15T08:00:00.000Z',
  };
}

describe('likely duplicates of a reported person', () => {
  it.each([
    // reported family, given, date  |  record family, given, date  |  reasons (null: not shown)
    [
      'Maier',
      'Klaus',
      '1975',
      'Meyer',
      'Klaus',
      '1975-03-12',
      ['similar_family_name', 'given_names', 'date_of_birth'],
    ],
    ['Yilmaz', 'Ayse', null, 'Yılmaz', 'Ayşe', '1980', ['family_name', 'given_names']],
    [
      'Mueller',
      null,
      '1970-04-05',
      'Müller',
      'Hans',
      '1970-05-04',
      ['family_name', 'date_of_birth'],
    ],
    [
      'Müller',
      'Hans',
      null,
      'Müller-Lüdenscheidt',
      'Hans Peter',
      null,
      ['similar_family_name', 'given_names'],
    ],
    [
      'Mohamed',
      'Ali',
      '1990',
      'Muhammad',
      'Ali',
      '1990',
      ['similar_family_name', 'given_names', 'date_of_birth'],
    ],
    [
      'Schmitt',
      null,
      '1982-07-14',
      'Schmidt',
      null,
      '1982-07-15',
      ['similar_family_name', 'date_of_birth'],
    ],
    ['Meyer', 'Klaus', '1975', 'Meyer', 'Klaus', '1990-01-01', null],
    ['Meyer', 'Klaus', null, 'Schulz', 'Klaus', null, null],
  ] as const)(
    '%s %s %s vs %s %s %s',
    (family, given, date, storedFamily, storedGiven, storedDate, reasons) => {
      expect(
        duplicateReasons(
          { familyName: family, givenNames: given, dateOfBirth: date },
          person(storedFamily, storedGiven, storedDate),
        ),
      ).toEqual(reasons);
    },
  );

  it('finds a record by its alias', () => {
    expect(
      duplicateReasons(
        { familyName: 'Maier', givenNames: null, dateOfBirth: null },
        person('Schneider', null, null, ['Maier']),
      ),
    ).toEqual(['family_name']);
  });

  it('puts the record with more agreements first and leaves out the others', () => {
    const records = [
      person('Meier', null, null),
      person('Meyer', 'Klaus', '1975-03-12'),
      person('Wagner', 'Klaus', '1975-03-12'),
    ];
    const ranked = rankDuplicates(
      { familyName: 'Maier', givenNames: 'Klaus', dateOfBirth: '1975-03-12' },
      records,
    );
    expect(ranked.map((c) => c.person.familyName)).toEqual(['Meyer', 'Meier']);
  });

  it('asks the database for folded words, their sound codes and the year', () => {
    expect(
      similarPersonKeys({
        familyName: 'Müller-Lüdenscheidt',
        givenNames: null,
        dateOfBirth: '1970-05',
      }),
    ).toEqual({
      words: ['muller', 'ludenscheidt', 'mullerludenscheidt'],
      codes: ['657', '52682', '65752682'],
      birthYear: 1970,
    });
  });
});
