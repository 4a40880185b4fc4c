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

function addressScore(asked: AddressKeys, stored: CandidatePerson['addresses']) {
  let best = { score: 0, kind: 'different' as 'full' | 'street' | 'different', current: false };
  for (const address of stored) {
    if (asked.postalCode && address.postalCode && asked.postalCode !== address.postalCode) continue;
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
    const score = (house ? 1 : 0.5) * street * (address.current ? 1 : 0.9);
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
    reasons.push({ field: 'family', kind: fam.agreement, alias: fam.alias });
    if (giv) {
      sum += giv.score * WEIGHTS.given;
      weights += WEIGHTS.given;
      reasons.push({ field: 'given', kind: giv.agreement, alias: giv.alias });
    }
  } else if (given) {
    const giv = bestOf(given, givens, true);
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
  }
  if (query.address) {
    const address = addressScore(query.address, candidate.addresses);
    reasons.push({ field: 'address', kind: address.kind, current: address.current });
    sum += address.score * WEIGHTS.address;
    weights += WEIGHTS.address;
  }
  return {
    score: weights > 0 ? Math.max(0, sum / weights) : 0,
    reasons,
    nameScore,
    nameEqual,
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
): RankedCandidate<C>[] {
  const prepared = {
    family: query.familyName ? prepareName(query.familyName) : undefined,
    given: query.givenNames ? prepareName(query.givenNames) : undefined,
  };
  const ranked: RankedCandidate<C>[] = [];
  for (const candidate of candidates) {
    const { score, reasons, nameScore, nameEqual, dateAgreement } = scoreCandidate(
      query,
      candidate,
      prepared,
    );
    if (score < settings.floor) continue;
    if (prepared.family && nameScore < settings.nameMinimum) continue;
    ranked.push({
      candidate,
      score,
      band: bandOf(score, settings, { nameEqual, dateAgreement }),
      reasons,
      explanation: explain(reasons),
    });
  }
  return ranked.sort((a, b) => b.score - a.score);
}
