import type { HouseNumber } from './address.js';
import { houseNumberCovers } from './address.js';
import {
  compareDates,
  DATE_AGREEMENT_WEIGHT,
  type DateAgreement,
  type PartialDate,
} from './date-of-birth.js';
import { compareNames, prepareName, type NameAgreement, type PreparedName } from './name-match.js';
import { explain, type Explanation, type Reason } from './rank.explain.js';
import { trigramSimilarity } from './trigram.js';

/**
 * Ranking of look-up candidates: one score per candidate from family name, given names, date
 * of birth and address, a confidence band, and the reasons in plain German and English.
 * Pure: the SQL pre-selection hands in candidates, this decides what is shown and in which order.
 */

/** An address as stored or asked, in the keys of address.ts. */
export interface AddressKeys {
  streetKey: string;
  houseNumber?: HouseNumber | undefined;
  postalCode?: string | undefined;
  cityKey?: string | undefined;
}

/** What the field employee typed. */
export interface PersonQuery {
  familyName?: string | undefined;
  givenNames?: string | undefined;
  dateOfBirth?: PartialDate | undefined;
  address?: AddressKeys | undefined;
}

/** A person from the register as the ranking needs it. */
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

/** Confidence bands, best first. */
export type ConfidenceBand = 'sicher' | 'wahrscheinlich' | 'möglich';

/** Thresholds of the ranking; every value is a score in [0, 1]. */
export interface RankSettings {
  /** Candidates scoring below this are not shown at all. */
  floor: number;
  /** From this score a candidate is `wahrscheinlich`. */
  likely: number;
  /** From this score a candidate is `sicher` (also needs agreeing name and full date). */
  sure: number;
  /** A family name weaker than this drops the candidate whatever else agrees (DOB alone is no match). */
  nameMinimum: number;
}

/** Defaults, measured on the variant groups and the linkage data sets (see README). */
export const DEFAULT_RANK_SETTINGS: RankSettings = {
  floor: 0.55,
  likely: 0.72,
  sure: 0.9,
  nameMinimum: 0.45,
};

/** One ranked candidate. */
export interface RankedCandidate<C extends CandidatePerson = CandidatePerson> {
  candidate: C;
  score: number;
  band: ConfidenceBand;
  reasons: Reason[];
  explanation: Explanation;
}

/** Relative weights of the parts of a query; parts not asked drop out of the mean. */
const WEIGHTS = { family: 0.5, given: 0.2, date: 0.3, address: 0.3 } as const;
/** Names matched the other way round (family typed as given name) count a little less. */
const SWAPPED_FACTOR = 0.92;
/** An alias or former name counts a little less than the current name. */
const ALIAS_FACTOR = 0.97;
/**
 * Strong agreements: a name (family or given) matching at least this well, a full date of
 * birth equal or off by a typical slip, the full address. Two of them make a candidate worth
 * showing (at most `möglich`) even when the rest contradicts: a married name with the same
 * given name and date of birth, the same full name with a mistyped date, the same name at the
 * same address. One alone (a date of birth, an address) never does.
 */
const STRONG = {
  name: 0.85,
  dates: new Set<DateAgreement>(['exact', 'swapped', 'one_digit', 'transposed_digits']),
} as const;

interface BestName {
  score: number;
  agreement: NameAgreement;
  alias: boolean;
}

function bestOf(
  query: PreparedName,
  names: readonly PreparedName[],
  allowInitials = false,
): BestName {
  let best: BestName = { score: 0, agreement: 'different', alias: false };
  names.forEach((name, i) => {
    const match = compareNames(query, name, { allowInitials, anyOf: allowInitials });
    const score = i === 0 ? match.score : match.score * ALIAS_FACTOR;
    if (score > best.score) best = { score, agreement: match.agreement, alias: i > 0 };
  });
  return best;
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

/** The same house number in the same (or a mistyped) postal code, whatever the street is called. */
function sameHouseInArea(asked: AddressKeys, stored: CandidatePerson['addresses']) {
  if (!asked.houseNumber || !asked.postalCode) return false;
  return stored.some(
    (a) =>
      a.houseNumber !== undefined &&
      a.postalCode !== undefined &&
      (a.postalCode === asked.postalCode || postalCodeTypo(a.postalCode, asked.postalCode!)) &&
      houseNumberCovers(a.houseNumber, asked.houseNumber!),
  );
}

/** How many of year, month and day two dates share (a date with a slip in one part shares two). */
function sharedDateParts(a: PartialDate, b: PartialDate) {
  if (a.precision !== 'day' || b.precision !== 'day') return 0;
  return Number(a.year === b.year) + Number(a.month === b.month) + Number(a.day === b.day);
}

/** A postal code with a typo still counts for the same street, a little less. */
const POSTAL_TYPO_FACTOR = 0.9;

function addressScore(asked: AddressKeys, stored: CandidatePerson['addresses']) {
  let best = { score: 0, kind: 'different' as 'full' | 'street' | 'different', current: false };
  for (const address of stored) {
    let postal = 1;
    if (asked.postalCode && address.postalCode && asked.postalCode !== address.postalCode) {
      if (!postalCodeTypo(asked.postalCode, address.postalCode)) continue;
      postal = POSTAL_TYPO_FACTOR;
    }
    if (!asked.postalCode && asked.cityKey && address.cityKey && asked.cityKey !== address.cityKey)
      continue;
    const street =
      asked.streetKey === address.streetKey
        ? 1
        : trigramSimilarity(asked.streetKey, address.streetKey);
    if (street < 0.6) continue;
    const house =
      asked.houseNumber && address.houseNumber
        ? houseNumberCovers(address.houseNumber, asked.houseNumber)
        : !asked.houseNumber;
    const score = (house ? 1 : 0.5) * street * postal * (address.current ? 1 : 0.9);
    if (score > best.score)
      best = { score, kind: house ? 'full' : 'street', current: address.current };
  }
  return best;
}

/** Scores one candidate against a query; the band is left to `rankCandidates`. */
export function scoreCandidate(
  query: PersonQuery,
  candidate: CandidatePerson,
  prepared?: { family?: PreparedName | undefined; given?: PreparedName | undefined },
): {
  score: number;
  reasons: Reason[];
  dateAgreement?: DateAgreement;
  /** Strength of the family-name match (1 when no family name was asked). */
  nameScore: number;
  /** True when the family name is equal up to spelling (no sound-alike, no typo). */
  nameEqual: boolean;
  /** How many independent parts agree strongly (see `STRONG`). */
  strong: number;
  /** True when the full address agrees, or at least its street or its house number and postal code. */
  addressFull: boolean;
  addressPartial: boolean;
  /** True when the dates of birth agree in at most one of year, month and day. */
  dateContradicts: boolean;
} {
  const reasons: Reason[] = [];
  let sum = 0;
  let weights = 0;
  const family = prepared?.family ?? (query.familyName ? prepareName(query.familyName) : undefined);
  const given = prepared?.given ?? (query.givenNames ? prepareName(query.givenNames) : undefined);
  const families = candidate.familyNames.map(prepareName);
  const givens = candidate.givenNames.map(prepareName);
  let nameScore = 1;
  let nameEqual = false;
  let strong = 0;
  let addressFull = false;
  let addressPartial = false;
  let dateContradicts = false;
  if (family) {
    let fam = bestOf(family, families);
    let giv = given ? bestOf(given, givens, true) : undefined;
    if (given) {
      // Family and given names typed into the wrong fields.
      const swappedFam = bestOf(given, families);
      const swappedGiv = bestOf(family, givens);
      const straight = fam.score * WEIGHTS.family + (giv?.score ?? 0) * WEIGHTS.given;
      const swapped =
        (swappedFam.score * WEIGHTS.family + swappedGiv.score * WEIGHTS.given) * SWAPPED_FACTOR;
      if (swapped > straight) {
        fam = { ...swappedFam, score: swappedFam.score * SWAPPED_FACTOR };
        giv = { ...swappedGiv, score: swappedGiv.score * SWAPPED_FACTOR };
        reasons.push({ field: 'names', kind: 'swapped' });
      }
    }
    sum += fam.score * WEIGHTS.family;
    weights += WEIGHTS.family;
    nameScore = fam.score;
    nameEqual = fam.agreement === 'exact' || fam.agreement === 'spelling';
    if (fam.score >= STRONG.name) strong += 1;
    reasons.push({ field: 'family', kind: fam.agreement, alias: fam.alias });
    if (giv) {
      sum += giv.score * WEIGHTS.given;
      weights += WEIGHTS.given;
      if (giv.score >= STRONG.name) strong += 1;
      reasons.push({ field: 'given', kind: giv.agreement, alias: giv.alias });
    }
  } else if (given) {
    const giv = bestOf(given, givens, true);
    if (giv.score >= STRONG.name) strong += 1;
    sum += giv.score * WEIGHTS.given;
    weights += WEIGHTS.given;
    reasons.push({ field: 'given', kind: giv.agreement, alias: giv.alias });
  }
  let dateAgreement: DateAgreement | undefined;
  if (query.dateOfBirth && query.dateOfBirth.precision !== 'unknown') {
    dateAgreement = compareDates(query.dateOfBirth, candidate.dateOfBirth);
    reasons.push({ field: 'date', kind: dateAgreement, precision: query.dateOfBirth.precision });
    // An unknown stored date neither supports nor contradicts: it leaves the mean alone.
    if (dateAgreement !== 'unknown') {
      sum += DATE_AGREEMENT_WEIGHT[dateAgreement] * WEIGHTS.date;
      weights += WEIGHTS.date;
    }
    if (STRONG.dates.has(dateAgreement) && query.dateOfBirth.precision === 'day') strong += 1;
    dateContradicts =
      dateAgreement === 'different' &&
      sharedDateParts(query.dateOfBirth, candidate.dateOfBirth) < 2;
  }
  if (query.address) {
    const address = addressScore(query.address, candidate.addresses);
    reasons.push({ field: 'address', kind: address.kind, current: address.current });
    if (address.kind === 'full') {
      strong += 1;
      addressFull = true;
    }
    addressPartial =
      address.kind !== 'different' || sameHouseInArea(query.address, candidate.addresses);
    sum += address.score * WEIGHTS.address;
    weights += WEIGHTS.address;
  }
  return {
    score: weights > 0 ? Math.max(0, sum / weights) : 0,
    reasons,
    nameScore,
    nameEqual,
    strong,
    addressFull,
    addressPartial,
    dateContradicts,
    ...(dateAgreement ? { dateAgreement } : {}),
  };
}

function bandOf(
  score: number,
  settings: RankSettings,
  facts: { nameEqual: boolean; dateAgreement: DateAgreement | undefined },
): ConfidenceBand {
  const fullDate = facts.dateAgreement === 'exact';
  if (score >= settings.sure && fullDate && facts.nameEqual) return 'sicher';
  if (score >= settings.likely) return 'wahrscheinlich';
  return 'möglich';
}

/**
 * Scores, filters and orders candidates: those below `settings.floor` are dropped, the rest
 * come best first with a band and an explanation. Ties keep the input order.
 */
export function rankCandidates<C extends CandidatePerson>(
  query: PersonQuery,
  candidates: readonly C[],
  settings: RankSettings = DEFAULT_RANK_SETTINGS,
  /** At most this many, best first (default: all). */
  limit?: number,
): RankedCandidate<C>[] {
  const prepared = {
    family: query.familyName ? prepareName(query.familyName) : undefined,
    given: query.givenNames ? prepareName(query.givenNames) : undefined,
  };
  const ranked: Omit<RankedCandidate<C>, 'explanation'>[] = [];
  for (const candidate of candidates) {
    const { score, reasons, nameScore, nameEqual, dateAgreement, strong, ...facts } =
      scoreCandidate(query, candidate, prepared);
    // Namesakes are common: the same name with a clearly different date of birth is another
    // person, unless the address agrees as well.
    const corroborated =
      strong >= 2 && (!facts.dateContradicts || facts.addressFull || facts.addressPartial);
    const scored =
      score >= settings.floor && !(prepared.family && nameScore < settings.nameMinimum);
    if (!scored && !corroborated) continue;
    ranked.push({
      candidate,
      score,
      band: scored ? bandOf(score, settings, { nameEqual, dateAgreement }) : 'möglich',
      reasons,
    });
  }
  // Explanations only for the candidates returned.
  return ranked
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => ({ ...r, explanation: explain(r.reasons) }));
}
