import {
  compareFields,
  weighEvidence,
  type CandidatePerson,
  type Evidence,
  type FieldComparison,
  type PersonQuery,
} from './evidence.js';
import { prepareName } from './name-match.js';
import { explain, type Explanation, type Reason } from './rank.explain.js';
import { NO_REGISTER_FREQUENCIES, type NameFrequencies } from './term-frequency.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './weights.js';

export type { AddressKeys, CandidatePerson, PersonQuery } from './evidence.js';

/**
 * Ranking of look-up candidates by evidence: the log-likelihood ratio of all fields
 * (`evidence.ts`), turned into the probability that the candidate is the person asked for with
 * the prior odds of the register's size, a confidence band per audience, and the reasons in
 * plain German and English. Pure: the SQL pre-selection hands in candidates, this decides what
 * is shown and in which order.
 */

/** Confidence bands, best first. */
export type ConfidenceBand = 'sicher' | 'wahrscheinlich' | 'möglich';

/** Who sees the answer: field staff only probable candidates, registrars possible ones too. */
export type Audience = 'field' | 'registrar';

/** Thresholds of the ranking (`weights.ts`). */
export type RankSettings = Thresholds;

/** Defaults, see `weights.ts` and the README's curve. */
export const DEFAULT_RANK_SETTINGS: RankSettings = DEFAULT_THRESHOLDS;

/** What the ranking needs to know about the register and the caller. */
export interface RankContext {
  /** The register's name counts (default: none, the name lists alone). */
  frequencies?: NameFrequencies | undefined;
  /** Default `field`: the stricter threshold. */
  audience?: Audience | undefined;
}

/** One ranked candidate. */
export interface RankedCandidate<C extends CandidatePerson = CandidatePerson> {
  candidate: C;
  /** Probability that the candidate is the person asked for, in [0, 1]. */
  score: number;
  /** The evidence in bits (log2 likelihood ratio): the order of candidates. */
  weight: number;
  band: ConfidenceBand;
  /** The smallest audience that sees this candidate. */
  audience: Audience;
  evidence: Evidence[];
  reasons: Reason[];
  explanation: Explanation;
}

/**
 * The prior odds that one candidate is the person asked for. With a name asked they fall with
 * the register's size; an address alone asks who lives there, not whether someone is listed.
 */
export function priorOdds(settings: RankSettings, registerSize: number, nameAsked: boolean) {
  const odds = settings.priorInRegister / (1 - settings.priorInRegister);
  return nameAsked ? odds / Math.max(registerSize, settings.minimumRegisterSize) : odds;
}

/** The weight of evidence (bits) a candidate needs to reach a probability. */
export function bitsNeeded(probability: number, priorOddsValue: number) {
  return Math.log2(probability / (1 - probability)) - Math.log2(priorOddsValue);
}

function reasonsOf(query: PersonQuery, c: FieldComparison, evidence: Evidence[]): Reason[] {
  const reasons: Reason[] = [];
  const commonness = (field: 'family' | 'given') =>
    evidence.find((e) => e.field === field)?.commonness;
  if (c.swapped) reasons.push({ field: 'names', kind: 'swapped' });
  if (c.family)
    reasons.push({
      field: 'family',
      kind: c.family.agreement,
      alias: c.family.alias,
      commonness: commonness('family'),
    });
  if (c.given)
    reasons.push({
      field: 'given',
      kind: c.given.agreement,
      alias: c.given.alias,
      commonness: commonness('given'),
    });
  if (query.dateOfBirth && query.dateOfBirth.precision !== 'unknown') {
    reasons.push({
      field: 'date',
      kind: c.date?.level === 'two_parts' ? 'two_parts' : (c.date?.agreement ?? 'unknown'),
      precision: query.dateOfBirth.precision,
    });
  }
  if (c.address) {
    const kind = c.address.level === 'area' ? 'different' : c.address.level;
    reasons.push({ field: 'address', kind, current: c.address.current });
  }
  return reasons;
}

/**
 * Scores, filters and orders candidates: those below the audience's threshold are dropped, the
 * rest come best first with a band and an explanation. Ties keep the input order. When two or
 * more fields can be compared, at least two must agree: one agreement alone (a date of birth,
 * an address, a name) never shows a person whose other fields say nothing or contradict.
 */
export function rankCandidates<C extends CandidatePerson>(
  query: PersonQuery,
  candidates: readonly C[],
  settings: RankSettings = DEFAULT_RANK_SETTINGS,
  /** At most this many, best first (default: all). */
  limit?: number,
  context: RankContext = {},
): RankedCandidate<C>[] {
  const frequencies = context.frequencies ?? NO_REGISTER_FREQUENCIES;
  const audience = context.audience ?? 'field';
  const prepared = {
    family: query.familyName ? prepareName(query.familyName) : undefined,
    given: query.givenNames ? prepareName(query.givenNames) : undefined,
  };
  const nameAsked = !!(prepared.family?.folded.length || prepared.given?.folded.length);
  const odds = priorOdds(settings, frequencies.persons, nameAsked);
  const needed = {
    field: bitsNeeded(settings.field, odds),
    registrar: bitsNeeded(Math.min(settings.registrar, settings.field), odds),
    sure: bitsNeeded(settings.sure, odds),
  };
  const ranked: (Omit<RankedCandidate<C>, 'explanation' | 'reasons'> & {
    comparison: FieldComparison;
  })[] = [];
  for (const candidate of candidates) {
    const comparison = compareFields(query, candidate, prepared);
    const { total, evidence } = weighEvidence(comparison, frequencies);
    const agreeing = evidence.filter((e) => e.bits > 0).length;
    if (evidence.length >= 2 && agreeing < 2) continue;
    if (total < needed[audience]) continue;
    const sure =
      total >= needed.sure &&
      comparison.family?.level === 'exact' &&
      !comparison.family.alias &&
      comparison.date?.level === 'exact';
    ranked.push({
      candidate,
      weight: total,
      score: 1 / (1 + 2 ** -(total + Math.log2(odds))),
      band: sure ? 'sicher' : total >= needed.field ? 'wahrscheinlich' : 'möglich',
      audience: total >= needed.field ? 'field' : 'registrar',
      evidence,
      comparison,
    });
  }
  // Explanations only for the candidates returned.
  return ranked
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map(({ comparison, ...r }) => {
      const reasons = reasonsOf(query, comparison, r.evidence);
      return { ...r, reasons, explanation: explain(reasons) };
    });
}
