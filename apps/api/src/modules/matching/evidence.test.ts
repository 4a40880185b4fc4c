import { describe, expect, it } from 'vitest';
import { parsePartialDate, UNKNOWN_DATE, type PartialDate } from './date-of-birth.js';
import {
  compareFields,
  weighEvidence,
  type CandidatePerson,
  type PersonQuery,
} from './evidence.js';
import { frequenciesFrom, nameShare, NO_REGISTER_FREQUENCIES } from './term-frequency.js';

const date = (text: string): PartialDate => parsePartialDate(text) ?? UNKNOWN_DATE;

function stored(overrides: Partial<CandidatePerson>): CandidatePerson {
  return {
    id: 'p',
    familyNames: [],
    givenNames: [],
    dateOfBirth: UNKNOWN_DATE,
    addresses: [],
    ...overrides,
  };
}

function weigh(
  query: PersonQuery,
  candidate: CandidatePerson,
  frequencies = NO_REGISTER_FREQUENCIES,
) {
  return weighEvidence(compareFields(query, candidate), frequencies);
}

const bitsOf = (result: ReturnType<typeof weigh>, field: string) =>
  result.evidence.find((e) => e.field === field)?.bits;

describe('weights of evidence', () => {
  it('agreeing on a common family name is weak evidence, on a rare one strong', () => {
    const common = weigh({ familyName: 'Müller' }, stored({ familyNames: ['Müller'] }));
    const rare = weigh({ familyName: 'Przybylski' }, stored({ familyNames: ['Przybylski'] }));
    expect(bitsOf(rare, 'family')! - bitsOf(common, 'family')!).toBeGreaterThan(5);
    expect(common.evidence[0]?.commonness).toBe('common');
    expect(rare.evidence[0]?.commonness).toBe('rare');
  });

  it('a common given name (Thomas) counts less than a rare one (Gottlieb)', () => {
    const thomas = weigh({ givenNames: 'Thomas' }, stored({ givenNames: ['Thomas'] }));
    const gottlieb = weigh({ givenNames: 'Gottlieb' }, stored({ givenNames: ['Gottlieb'] }));
    expect(bitsOf(gottlieb, 'given')!).toBeGreaterThan(bitsOf(thomas, 'given')! + 3);
  });

  it("the register's own counts make a name common as it fills up", () => {
    const person = stored({ familyNames: ['Przybylski'] });
    const empty = frequenciesFrom(50_000, new Map());
    const many = frequenciesFrom(50_000, new Map([['family:przybylski', 500]]));
    const rare = bitsOf(weigh({ familyName: 'Przybylski' }, person, empty), 'family')!;
    const frequent = bitsOf(weigh({ familyName: 'Przybylski' }, person, many), 'family')!;
    expect(rare - frequent).toBeGreaterThan(4);
    // 1 % of the register bear it: its share is about that.
    expect(nameShare('family', 'przybylski', many)).toBeCloseTo(0.0083, 3);
  });

  it('roughly agreeing with a common name tells no more than agreeing exactly with it', () => {
    const exact = weigh({ familyName: 'Müller' }, stored({ familyNames: ['Müller'] }));
    const typo = weigh({ familyName: 'Möller' }, stored({ familyNames: ['Müller'] }));
    expect(bitsOf(typo, 'family')!).toBeLessThan(bitsOf(exact, 'family')!);
  });

  it('a missing date of birth is neutral, a different one counts against', () => {
    const query = { familyName: 'Wagner', dateOfBirth: date('1970-05-05') };
    const missing = weigh(query, stored({ familyNames: ['Wagner'] }));
    const nameOnly = weigh({ familyName: 'Wagner' }, stored({ familyNames: ['Wagner'] }));
    const contradicting = weigh(
      query,
      stored({ familyNames: ['Wagner'], dateOfBirth: date('1948-11-23') }),
    );
    expect(missing.total).toBe(nameOnly.total);
    expect(bitsOf(contradicting, 'date')!).toBeLessThan(-3);
  });

  it('a different given name and a different date outweigh an equal common family name', () => {
    const result = weigh(
      { familyName: 'Müller', givenNames: 'Kurt', dateOfBirth: date('1966-09-12') },
      stored({ familyNames: ['Müller'], givenNames: ['Helga'], dateOfBirth: date('1950-02-03') }),
    );
    expect(result.total).toBeLessThan(0);
  });

  it('given and family name swapped need both names to agree crosswise', () => {
    const uwe = stored({
      familyNames: ['Thomas'],
      givenNames: ['Uwe'],
      dateOfBirth: date('1950-04-22'),
    });
    const query = { familyName: 'Böhm', givenNames: 'Thomas', dateOfBirth: date('1950-04-22') };
    expect(compareFields(query, uwe).swapped).toBe(false);
    const swapped = { familyName: 'Uwe', givenNames: 'Thomas', dateOfBirth: date('1950-04-22') };
    expect(compareFields(swapped, uwe).swapped).toBe(true);
  });
});
