import type { Person, PersonCandidate } from '@zemag/contracts';
import { compareDates, type DateAgreement } from '../matching/date-of-birth.js';
import { koelnerPhonetikWord } from '../matching/koelner-phonetik.js';
import { dateOf, familyNameWords } from '../lookup/lookup.keys.js';
import { compareNames, prepareName, type NameAgreement } from '../matching/name-match.js';

/**
 * Likely duplicates of a reported person among the person records, with the look-up's matcher:
 * the same folded spelling, the same Kölner Phonetik code or a similar spelling of a family
 * name (current, alias or former), any of the given names, a date of birth that agrees with
 * its typical errors tolerated. A contradicting date of birth rules a record out.
 */

export interface ReportedPerson {
  familyName: string;
  givenNames: string | null;
  dateOfBirth: string | null;
}

/** What the SQL pre-selection needs: folded family-name words, their codes, the birth year. */
export function similarPersonKeys(reported: ReportedPerson) {
  const words = familyNameWords(reported.familyName);
  const date = dateOf(reported.dateOfBirth);
  return {
    words,
    codes: words.map(koelnerPhonetikWord),
    birthYear: date.precision === 'unknown' ? null : date.year,
  };
}

const SAME_NAME: ReadonlySet<NameAgreement> = new Set(['exact', 'spelling']);
const SIMILAR_NAME: ReadonlySet<NameAgreement> = new Set(['phonetic', 'similar', 'part']);
const SAME_GIVEN: ReadonlySet<NameAgreement> = new Set(['exact', 'spelling', 'phonetic']);
const DATE_AGREES: ReadonlySet<DateAgreement> = new Set([
  'exact',
  'compatible',
  'swapped',
  'one_digit',
  'transposed_digits',
  'year_off_by_one',
]);

type Reason = PersonCandidate['reasons'][number];

/** Why `candidate` may be the reported person, or null when it is not similar enough. */
export function duplicateReasons(reported: ReportedPerson, candidate: Person): Reason[] | null {
  const asked = prepareName(reported.familyName);
  const family = [candidate.familyName, ...candidate.names.map((n) => n.familyName)]
    .map((name) => compareNames(asked, prepareName(name)))
    .sort((a, b) => b.score - a.score)[0];
  if (!family) return null;
  const reasons: Reason[] = [];
  if (SAME_NAME.has(family.agreement)) reasons.push('family_name');
  else if (SIMILAR_NAME.has(family.agreement)) reasons.push('similar_family_name');
  else return null;
  const given = [candidate.givenNames, ...candidate.names.map((n) => n.givenNames)].filter(
    (g): g is string => !!g,
  );
  if (
    reported.givenNames &&
    given.some((g) =>
      SAME_GIVEN.has(
        compareNames(prepareName(reported.givenNames!), prepareName(g), { anyOf: true }).agreement,
      ),
    )
  ) {
    reasons.push('given_names');
  }
  const date = compareDates(dateOf(reported.dateOfBirth), dateOf(candidate.dateOfBirth));
  if (date === 'different') return null;
  if (DATE_AGREES.has(date)) reasons.push('date_of_birth');
  return reasons;
}

/** The candidates worth showing, most reasons first (then the stored order). */
export function rankDuplicates(reported: ReportedPerson, persons: readonly Person[]) {
  return persons
    .map((person) => ({ person, reasons: duplicateReasons(reported, person) }))
    .filter((c): c is PersonCandidate => c.reasons !== null)
    .sort((a, b) => b.reasons.length - a.reasons.length);
}
