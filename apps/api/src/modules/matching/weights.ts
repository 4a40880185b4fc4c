import type { DateAgreement } from './date-of-birth.js';

/**
 * The reviewed numbers of the matching engine, in one place. Every weight is a Fellegi–Sunter
 * log-likelihood ratio in bits: log2(m / u), where m is the probability of an agreement level
 * when two records are the same person and u when they are not.
 *
 * How they were estimated (re-run after a change of the comparisons; `matching.weights.test.ts`
 * checks that this file still agrees with the data):
 *
 *   npm run -s zemag -- match-weights ../shared/data/linkage/RLdata500.csv \
 *     ../shared/data/linkage/dataset1.csv ../shared/data/linkage/dataset2.csv \
 *     ../shared/data/linkage/dataset3.csv
 *
 * m: every true pair of the four linkage files (each duplicate against its original; 4,550
 * pairs), counted per level with the engine's own comparisons (`compareFields`). u: every
 * record against 20 random records of other persons (seeded). A level never seen counts as
 * half an observation. A "missing" field (either side empty) weighs 0 by construction. Exact
 * name agreement does not use u from the pairs: it uses the name's frequency (term-frequency
 * adjustment, `term-frequency.ts`).
 *
 * The linkage files are synthetic (FEBRL) and German-like (RLdata); their corruption rates are
 * higher than a register's, so m of the disagreeing levels is on the generous side: the
 * weights against a candidate are milder than a register of clean data would give.
 */

/** Agreement levels of a name (family or given), best first. */
export type NameLevel =
  'exact' | 'phonetic' | 'typo' | 'similar' | 'part' | 'initial' | 'different';

/** Agreement levels of an address. */
export type AddressLevel = 'full' | 'street' | 'area' | 'different';

/** Date levels: the comparison's agreements, 'compatible' split by what both sides know. */
export type DateLevel =
  | Exclude<DateAgreement, 'unknown' | 'compatible'>
  | 'two_parts'
  | 'compatible_month'
  | 'compatible_year';

/** m and u of one level (probabilities). */
export interface LevelProbabilities {
  m: number;
  u: number;
}

/** m and u per level of every field. */
export interface MatchWeights {
  family: Record<NameLevel, LevelProbabilities>;
  given: Record<NameLevel, LevelProbabilities>;
  date: Record<DateLevel, LevelProbabilities>;
  address: Record<AddressLevel, LevelProbabilities>;
}

/**
 * From `match-weights` on the four linkage files (4,550 true pairs, 229,843 others), except the
 * levels marked "by hand": those the files do not contain (FEBRL has no double names, swapped
 * day and month or partial dates; fewer than 5 true pairs) and the u of addresses (FEBRL's
 * addresses are all different; in a city several listed persons share a house, a shelter or a
 * long street). `exact` u of names is only a fallback: the term frequency replaces it, and it
 * is the least u of the approximate levels too (agreeing roughly with a common name is at
 * most as telling as agreeing exactly with it).
 */
export const MATCH_WEIGHTS: MatchWeights = {
  family: {
    exact: { m: 0.739, u: 0.00434 },
    phonetic: { m: 0.0813, u: 0.00109 },
    typo: { m: 0.0986, u: 0.000294 },
    similar: { m: 0.00674, u: 0.000392 },
    // by hand: a part of a double name, like an exact name but rarer among the same person's records.
    part: { m: 0.05, u: 0.0001 },
    // by hand: family names are never compared by initial.
    initial: { m: 0.001, u: 0.001 },
    different: { m: 0.0743, u: 0.994 },
  },
  given: {
    exact: { m: 0.758, u: 0.00429 },
    phonetic: { m: 0.0602, u: 0.00481 },
    typo: { m: 0.0728, u: 0.000383 },
    similar: { m: 0.00275, u: 0.000557 },
    // by hand: given names match any of several, never as a part.
    part: { m: 0.001, u: 0.001 },
    // by hand, given that one side is an initial: the right letter for the same person, one
    // of the usual ~15 initials for another.
    initial: { m: 0.95, u: 0.07 },
    different: { m: 0.106, u: 0.99 },
  },
  date: {
    exact: { m: 0.942, u: 0.0000321 },
    // by hand: a common slip on German forms (DD.MM / MM.DD); u as for an exact date.
    swapped: { m: 0.01, u: 0.0000321 },
    one_digit: { m: 0.00926, u: 0.000967 },
    transposed_digits: { m: 0.00324, u: 0.0000642 },
    // by hand: the same day and month in a neighbouring year.
    year_off_by_one: { m: 0.005, u: 0.0000642 },
    // m by hand (3 true pairs), u from the files: two of day, month and year equal, the third
    // different beyond a typo.
    two_parts: { m: 0.02, u: 0.00262 },
    // by hand: year and month known on both sides (1 of ~80 years × 12 months).
    compatible_month: { m: 0.9, u: 0.00104 },
    // by hand: only the year known on one side (1 of ~80 years).
    compatible_year: { m: 0.9, u: 0.0125 },
    different: { m: 0.0444, u: 0.996 },
  },
  address: {
    // m from the files; u by hand (see above): 1 in 10,000 share a house, 1 in 1,000 a street.
    full: { m: 0.77, u: 0.0001 },
    street: { m: 0.118, u: 0.001 },
    area: { m: 0.0805, u: 0.001 },
    different: { m: 0.0316, u: 1 },
  },
};

/** Other evidence, in bits (reviewed by hand, not estimated: the files hold too few cases). */
export const ADJUSTMENTS = {
  /** A name found only among aliases and former names counts this much less. */
  alias: -0.5,
  /** Given and family name typed into each other's field: a common slip, but a slip. */
  swapped: -1,
  /** An address that is no longer current counts this much less. */
  formerAddress: -1,
} as const;

/** Term frequencies of names (see `term-frequency.ts`). */
export const TERM_FREQUENCY = {
  /**
   * How many persons the name lists' prior is worth: a register of this size has as much say
   * on a name's frequency as the lists. Small registers lean on the lists, large ones on
   * themselves.
   */
  priorPersons: 10_000,
  /** Below this share of persons a name counts as rare in explanations (1 in 10,000). */
  rare: 0.0001,
  /** From this share a name counts as common (1 in 1,000: Müller, Schmidt, Thomas, Peter). */
  common: 0.001,
} as const;

/**
 * The thresholds. A candidate's posterior probability of being the person asked for is
 * prior odds × likelihood ratio, with prior odds = p / ((1 − p) × N): p is the chance that the
 * person asked for is in the register at all, N the register's size. The larger the register,
 * the more evidence a candidate needs.
 */
export interface Thresholds {
  /** Chance that a person looked up by name is in the register at all. */
  priorInRegister: number;
  /** Registers smaller than this are treated as this size (a test register of 5 must not show everyone). */
  minimumRegisterSize: number;
  /** Field staff see candidates from this posterior probability (“probably the same person”). */
  field: number;
  /** Registrars also see “possible” candidates from this posterior probability. */
  registrar: number;
  /** `sicher` from this probability, with the family name equal and the full date of birth equal. */
  sure: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  priorInRegister: 0.1,
  minimumRegisterSize: 1000,
  field: 0.5,
  registrar: 0.05,
  sure: 0.99,
};

/** log2(m / u) of a level. */
export function bits({ m, u }: LevelProbabilities): number {
  return Math.log2(m / u);
}
