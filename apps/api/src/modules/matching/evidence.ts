import { houseNumberCovers, type HouseNumber } from './address.js';
import { compareDates, type DateAgreement, type PartialDate } from './date-of-birth.js';
import { compareNames, prepareName, type NameAgreement, type PreparedName } from './name-match.js';
import { commonness, nameShare, type NameFrequencies, type NameKind } from './term-frequency.js';
import { trigramSimilarity } from './trigram.js';
import {
  ADJUSTMENTS,
  bits,
  MATCH_WEIGHTS,
  type AddressLevel,
  type DateLevel,
  type MatchWeights,
  type NameLevel,
} from './weights.js';

/**
 * Field comparisons as agreement levels (`compareFields`), and their weight of evidence in
 * bits (`weighEvidence`): Fellegi–Sunter with term-frequency adjusted names. Pure.
 */

/** An address as stored or asked, in the keys of address.ts. */
export interface AddressKeys {
  streetKey: string;
  houseNumber?: HouseNumber | undefined;
  postalCode?: string | undefined;
  cityKey?: string | undefined;
}

/** What was asked. */
export interface PersonQuery {
  familyName?: string | undefined;
  givenNames?: string | undefined;
  dateOfBirth?: PartialDate | undefined;
  address?: AddressKeys | undefined;
}

/** A person from the register as the engine needs it. */
export interface CandidatePerson {
  id: string;
  /** Current family name first, then aliases and former names. */
  familyNames: readonly string[];
  /** Given names (each entry may hold several words) and given-name aliases. */
  givenNames: readonly string[];
  dateOfBirth: PartialDate;
  /** Addresses with whether they are current. */
  addresses: readonly (AddressKeys & { current: boolean })[];
}

/** How one name compared. */
export interface NameComparison {
  level: NameLevel;
  /** The comparison's own finer agreement (for the explanation). */
  agreement: NameAgreement;
  alias: boolean;
  /** Folded words both names share (the term frequency is taken of the rarest). */
  shared: string[];
  /** The folded words of the candidate's name that matched (approximate levels). */
  words: string[];
}

/** Every field's comparison; a field absent here was not asked or is not on record. */
export interface FieldComparison {
  family?: NameComparison;
  given?: NameComparison;
  /** Family and given name matched crosswise (typed into each other's field). */
  swapped: boolean;
  date?: { level: DateLevel; agreement: DateAgreement; precision: PartialDate['precision'] };
  address?: { level: AddressLevel; current: boolean };
}

function nameLevel(match: { score: number; agreement: NameAgreement }): NameLevel {
  switch (match.agreement) {
    case 'exact':
    case 'spelling':
      return 'exact';
    case 'phonetic':
      return 'phonetic';
    case 'initial':
      return 'initial';
    case 'part':
      return match.score >= 0.75 ? 'part' : match.score >= 0.55 ? 'similar' : 'different';
    case 'similar':
      return match.score >= 0.8 ? 'typo' : match.score >= 0.55 ? 'similar' : 'different';
    default:
      return 'different';
  }
}

const LEVEL_ORDER: readonly NameLevel[] = [
  'exact',
  'part',
  'phonetic',
  'typo',
  'similar',
  'initial',
  'different',
];

function bestName(
  query: PreparedName,
  names: readonly PreparedName[],
  given: boolean,
): NameComparison | undefined {
  let best: (NameComparison & { score: number }) | undefined;
  names.forEach((name, i) => {
    if (name.folded.length === 0) return;
    const match = compareNames(query, name, { allowInitials: given, anyOf: given });
    const score = i === 0 ? match.score : match.score * 0.97;
    if (!best || score > best.score) {
      best = {
        score,
        level: nameLevel(match),
        agreement: match.agreement,
        alias: i > 0,
        shared: name.folded.filter((w) => query.folded.includes(w)),
        words: name.folded,
      };
      if (best.level === 'exact' && best.shared.length === 0) best.shared = [name.folded.join('')];
    }
  });
  if (!best) return undefined;
  const { score: _score, ...comparison } = best;
  return comparison;
}

/** One digit wrong or two neighbouring digits swapped: a typo, not another place. */
function postalCodeTypo(a: string, b: string) {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

function compareAddress(
  asked: AddressKeys,
  stored: CandidatePerson['addresses'],
): FieldComparison['address'] {
  if (stored.length === 0) return undefined;
  const rank: Record<AddressLevel, number> = { full: 3, street: 2, area: 1, different: 0 };
  let best: { level: AddressLevel; current: boolean } = { level: 'different', current: true };
  for (const address of stored) {
    let level: AddressLevel = 'different';
    const postalOk =
      !asked.postalCode ||
      !address.postalCode ||
      asked.postalCode === address.postalCode ||
      postalCodeTypo(asked.postalCode, address.postalCode);
    const cityOk =
      !!asked.postalCode || !asked.cityKey || !address.cityKey || asked.cityKey === address.cityKey;
    const house =
      asked.houseNumber && address.houseNumber
        ? houseNumberCovers(address.houseNumber, asked.houseNumber)
        : !asked.houseNumber;
    if (postalOk && cityOk) {
      const street =
        asked.streetKey === address.streetKey
          ? 1
          : trigramSimilarity(asked.streetKey, address.streetKey);
      if (street >= 0.6) level = house ? 'full' : 'street';
    }
    // The same house number in the same (or a mistyped) postal code, whatever the street is called.
    if (
      level === 'different' &&
      asked.houseNumber &&
      asked.postalCode &&
      address.postalCode &&
      address.houseNumber &&
      postalOk &&
      houseNumberCovers(address.houseNumber, asked.houseNumber)
    ) {
      level = 'area';
    }
    const better =
      rank[level] > rank[best.level] ||
      (rank[level] === rank[best.level] && address.current && !best.current);
    if (better) best = { level, current: address.current };
  }
  return best;
}

/** How many of year, month and day two full dates share. */
function sharedDateParts(a: PartialDate, b: PartialDate) {
  if (a.precision !== 'day' || b.precision !== 'day') return 0;
  return Number(a.year === b.year) + Number(a.month === b.month) + Number(a.day === b.day);
}

function dateLevel(agreement: DateAgreement, asked: PartialDate, stored: PartialDate): DateLevel {
  if (agreement === 'different' && sharedDateParts(asked, stored) >= 2) return 'two_parts';
  if (agreement !== 'compatible') return agreement as DateLevel;
  const both =
    asked.precision === 'year' || stored.precision === 'year' ? 'year' : ('month' as const);
  return both === 'year' ? 'compatible_year' : 'compatible_month';
}

/** Compares what was asked with one candidate, field by field. */
export function compareFields(
  query: PersonQuery,
  candidate: CandidatePerson,
  prepared?: { family?: PreparedName | undefined; given?: PreparedName | undefined },
): FieldComparison {
  const family = prepared?.family ?? (query.familyName ? prepareName(query.familyName) : undefined);
  const given = prepared?.given ?? (query.givenNames ? prepareName(query.givenNames) : undefined);
  const families = candidate.familyNames.map(prepareName);
  const givens = candidate.givenNames.map(prepareName);
  const result: FieldComparison = { swapped: false };
  const straight = {
    family: family ? bestName(family, families, false) : undefined,
    given: given ? bestName(given, givens, true) : undefined,
  };
  Object.assign(result, dropUndefined(straight));
  if (family && given) {
    // Family and given names typed into the wrong fields: only when both agree crosswise.
    const crossFamily = bestName(given, families, false);
    const crossGiven = bestName(family, givens, true);
    const agrees = (c: NameComparison | undefined) => !!c && c.level !== 'different';
    const strength = (c: NameComparison | undefined) =>
      c ? LEVEL_ORDER.length - LEVEL_ORDER.indexOf(c.level) : 0;
    if (
      agrees(crossFamily) &&
      agrees(crossGiven) &&
      strength(crossFamily) + strength(crossGiven) >
        strength(straight.family) + strength(straight.given)
    ) {
      result.family = crossFamily;
      result.given = crossGiven;
      result.swapped = true;
    }
  }
  if (query.dateOfBirth && query.dateOfBirth.precision !== 'unknown') {
    const agreement = compareDates(query.dateOfBirth, candidate.dateOfBirth);
    if (agreement !== 'unknown') {
      result.date = {
        level: dateLevel(agreement, query.dateOfBirth, candidate.dateOfBirth),
        agreement,
        precision: query.dateOfBirth.precision,
      };
    }
  }
  if (query.address) {
    const address = compareAddress(query.address, candidate.addresses);
    if (address) result.address = address;
  }
  return result;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The weight of one field's evidence. */
export interface Evidence {
  field: 'family' | 'given' | 'date' | 'address';
  level: NameLevel | DateLevel | AddressLevel;
  /** log2 likelihood ratio: positive for, negative against. */
  bits: number;
  /** For an exact name: how common it is (term frequency). */
  commonness?: 'rare' | 'common' | undefined;
}

function nameEvidence(
  kind: NameKind,
  name: NameComparison,
  weights: MatchWeights,
  frequencies: NameFrequencies,
): Evidence {
  const level = weights[kind][name.level];
  let weight = bits(level);
  let common: Evidence['commonness'];
  if (name.level === 'exact') {
    // The rarest shared word decides: "Müller-Przybylski" is as telling as "Przybylski".
    const share = Math.min(...name.shared.map((w) => nameShare(kind, w, frequencies)));
    weight = Math.log2(level.m / share);
    common = commonness(share);
  } else if (name.level !== 'different' && name.level !== 'initial') {
    // Roughly agreeing with a common name (Möller for Müller) tells no more than agreeing exactly.
    const share = Math.min(...name.words.map((w) => nameShare(kind, w, frequencies)));
    weight = Math.log2(level.m / Math.max(level.u, share));
  }
  if (name.alias && weight > 0) weight += ADJUSTMENTS.alias;
  return { field: kind, level: name.level, bits: weight, commonness: common };
}

/** The evidence of every compared field, and the total in bits. */
export function weighEvidence(
  comparison: FieldComparison,
  frequencies: NameFrequencies,
  weights: MatchWeights = MATCH_WEIGHTS,
): { total: number; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  if (comparison.family)
    evidence.push(nameEvidence('family', comparison.family, weights, frequencies));
  if (comparison.given)
    evidence.push(nameEvidence('given', comparison.given, weights, frequencies));
  if (comparison.date) {
    const level = comparison.date.level;
    evidence.push({ field: 'date', level, bits: bits(weights.date[level]) });
  }
  if (comparison.address) {
    const { level, current } = comparison.address;
    let weight = bits(weights.address[level]);
    if (!current && weight > 0) weight += ADJUSTMENTS.formerAddress;
    evidence.push({ field: 'address', level, bits: weight });
  }
  let total = evidence.reduce((sum, e) => sum + e.bits, 0);
  if (comparison.swapped) total += ADJUSTMENTS.swapped;
  return { total, evidence };
}
