import { compareFields, type CandidatePerson, type PersonQuery } from './evidence.js';
import type {
  AddressLevel,
  DateLevel,
  LevelProbabilities,
  MatchWeights,
  NameLevel,
} from './weights.js';

/**
 * Estimates m and u of every agreement level from labelled pairs (`weights.ts` says how the
 * pairs are drawn): m from pairs of the same person, u from pairs of different persons, each
 * the share of compared pairs (a field missing on either side is not counted) at that level.
 */

const NAME_LEVELS: readonly NameLevel[] = [
  'exact',
  'phonetic',
  'typo',
  'similar',
  'part',
  'initial',
  'different',
];
const DATE_LEVELS: readonly DateLevel[] = [
  'exact',
  'swapped',
  'one_digit',
  'transposed_digits',
  'year_off_by_one',
  'two_parts',
  'compatible_month',
  'compatible_year',
  'different',
];
const ADDRESS_LEVELS: readonly AddressLevel[] = ['full', 'street', 'area', 'different'];

/** A labelled pair: what was asked and the record it is compared with. */
export interface LabelledPair {
  query: PersonQuery;
  candidate: CandidatePerson;
}

type Field = keyof MatchWeights;
type Counts = Record<Field, Map<string, number>>;

function count(pairs: Iterable<LabelledPair>): Counts {
  const counts: Counts = {
    family: new Map(),
    given: new Map(),
    date: new Map(),
    address: new Map(),
  };
  const add = (field: Field, level: string | undefined) => {
    if (level) counts[field].set(level, (counts[field].get(level) ?? 0) + 1);
  };
  for (const { query, candidate } of pairs) {
    const c = compareFields(query, candidate);
    add('family', c.family?.level);
    add('given', c.given?.level);
    add('date', c.date?.level);
    add('address', c.address?.level);
  }
  return counts;
}

/** A level never seen counts as half an observation: rare is not impossible. */
function share(count: number, total: number) {
  return Number((Math.max(count, 0.5) / total).toPrecision(3));
}

/** Levels seen fewer times than this among the matches cannot be estimated from the pairs. */
export const MINIMUM_OBSERVATIONS = 5;

function probabilities<L extends string>(
  levels: readonly L[],
  m: Map<string, number>,
  u: Map<string, number>,
): Record<L, LevelProbabilities & { observed: number }> {
  const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0) || 1;
  const [mTotal, uTotal] = [total(m), total(u)];
  return Object.fromEntries(
    levels.map((level) => [
      level,
      {
        m: share(m.get(level) ?? 0, mTotal),
        u: share(u.get(level) ?? 0, uTotal),
        observed: m.get(level) ?? 0,
      },
    ]),
  ) as Record<L, LevelProbabilities & { observed: number }>;
}

type Estimated<T> = {
  [F in keyof T]: { [L in keyof T[F]]: LevelProbabilities & { observed: number } };
};

/** m and u per level from pairs of the same person and pairs of different persons. */
export function estimateWeights({
  matches,
  nonMatches,
}: {
  matches: Iterable<LabelledPair>;
  nonMatches: Iterable<LabelledPair>;
}): {
  /** m and u per level, with how often the level was seen among the matches. */
  weights: Estimated<MatchWeights>;
  pairs: { matches: number; nonMatches: number };
} {
  const matchList = [...matches];
  const nonMatchList = [...nonMatches];
  const m = count(matchList);
  const u = count(nonMatchList);
  return {
    weights: {
      family: probabilities(NAME_LEVELS, m.family, u.family),
      given: probabilities(NAME_LEVELS, m.given, u.given),
      date: probabilities(DATE_LEVELS, m.date, u.date),
      address: probabilities(ADDRESS_LEVELS, m.address, u.address),
    },
    pairs: { matches: matchList.length, nonMatches: nonMatchList.length },
  };
}
