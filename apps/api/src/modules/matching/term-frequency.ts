import { prepareName } from './name-match.js';
import { FAMILY_NAME_COUNTS, GIVEN_NAME_COUNTS } from './name-prior.data.js';
import { TERM_FREQUENCY } from './weights.js';

/**
 * Term-frequency adjustment: agreeing on 'Müller' or 'Thomas' is weak evidence, on
 * 'Przybylski' strong. The u-probability of an exact name agreement is the share of persons
 * bearing that name: from the register's own counts, with the German name lists as a prior
 * worth `TERM_FREQUENCY.priorPersons` persons.
 */

/** Which name a frequency is about. */
export type NameKind = 'family' | 'given';

/** The register's name counts: persons per folded word, and persons in all. */
export interface NameFrequencies {
  /** Persons in the register (with search keys). */
  persons: number;
  /** Persons bearing the folded word (family: any family name of theirs; given: first given name). */
  count(kind: NameKind, word: string): number;
}

/** No register counts: the prior alone (a register of 0 persons). */
export const NO_REGISTER_FREQUENCIES: NameFrequencies = { persons: 0, count: () => 0 };

/** A register's counts from a map keyed `${kind}:${word}`. */
export function frequenciesFrom(persons: number, counts: ReadonlyMap<string, number>) {
  return {
    persons,
    count: (kind: NameKind, word: string) => counts.get(`${kind}:${word}`) ?? 0,
  } satisfies NameFrequencies;
}

/**
 * The lists count telephone-directory entries, not persons. They are scaled so that Müller, the
 * most common family name, is borne by 0.85 % of persons (about 700,000 of 83 million), and the
 * given-name list with the same factor. A name on neither list is taken to be half as common
 * as the least common listed one.
 */
const MUELLER_SHARE = 0.0085;

interface PriorList {
  shares: Map<string, number>;
  unlisted: number;
}

function priorList(text: string, perEntry: number): PriorList {
  const shares = new Map<string, number>();
  let least = Infinity;
  for (const line of text.split('\n')) {
    const [name, count] = line.split(',');
    if (!name || !count) continue;
    const share = Number(count) * perEntry;
    least = Math.min(least, share);
    for (const word of prepareName(name).folded) {
      shares.set(word, (shares.get(word) ?? 0) + share);
    }
  }
  return { shares, unlisted: least / 2 };
}

let priors: Record<NameKind, PriorList> | undefined;

function prior(kind: NameKind): PriorList {
  if (!priors) {
    const muellerCount = Number(
      FAMILY_NAME_COUNTS.slice(0, FAMILY_NAME_COUNTS.indexOf('\n')).split(',')[1],
    );
    const perEntry = MUELLER_SHARE / muellerCount;
    priors = {
      family: priorList(FAMILY_NAME_COUNTS, perEntry),
      given: priorList(GIVEN_NAME_COUNTS, perEntry),
    };
  }
  return priors[kind];
}

/** The share of persons in Germany bearing a folded name word, by the name lists. */
export function priorShare(kind: NameKind, word: string): number {
  const list = prior(kind);
  return list.shares.get(word) ?? list.unlisted;
}

/**
 * The chance that a person who is not the one asked for bears this folded word: the register's
 * other bearers (the candidate itself not counted) and the lists' prior, pooled.
 */
export function nameShare(kind: NameKind, word: string, frequencies: NameFrequencies): number {
  const others = Math.max(0, frequencies.count(kind, word) - 1);
  const alpha = TERM_FREQUENCY.priorPersons;
  return (others + alpha * priorShare(kind, word)) / (Math.max(0, frequencies.persons - 1) + alpha);
}

/** How common a name is, for the explanation. */
export function commonness(share: number): 'rare' | 'common' | undefined {
  if (share < TERM_FREQUENCY.rare) return 'rare';
  if (share >= TERM_FREQUENCY.common) return 'common';
  return undefined;
}
