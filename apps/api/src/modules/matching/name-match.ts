import { koelnerPhonetikWord } from './koelner-phonetik.js';
import { foldToken, nameTokens, significantTokens } from './normalise.js';
import { trigrams } from './trigram.js';

/**
 * How well one name (family or given) matches another, word by word: spelling-folded
 * equality, Kölner Phonetik per word, pg_trgm similarity and an edit distance for typos.
 * Double names match in either order, and a single name matches a part of a double name.
 */

/** How two names were found to agree, best first. */
export type NameAgreement =
  'exact' | 'spelling' | 'phonetic' | 'similar' | 'part' | 'initial' | 'different';

/** A name prepared once for many comparisons. */
export interface PreparedName {
  /** Transliterated words: "mueller", "luedenscheidt". */
  words: string[];
  /** Folded significant words (particles left out): "muller", "ludenscheidt". */
  folded: string[];
  /** Kölner Phonetik per folded word. */
  codes: string[];
}

const prepared = new Map<string, PreparedName>();
/** Names repeat: a bounded memo saves most of the normalisation when ranking many candidates. */
const PREPARED_MEMO_SIZE = 50_000;

/** Prepares a name for comparison (normalisation and phonetic codes); the result is shared, do not change it. */
export function prepareName(name: string): PreparedName {
  const known = prepared.get(name);
  if (known) return known;
  const words = nameTokens(name);
  const folded = significantTokens(words).map(foldToken);
  const result = { words, folded, codes: folded.map(koelnerPhonetikWord) };
  if (prepared.size >= PREPARED_MEMO_SIZE) prepared.clear();
  prepared.set(name, result);
  return result;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transposition). */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  // Three rolling rows (the transposition looks two rows back) instead of a full matrix.
  let before = new Uint16Array(cols);
  let prev = new Uint16Array(cols);
  let row = new Uint16Array(cols);
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      row[j] = best;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[cols - 1]!;
}

const trigramMemo = new Map<string, Set<string>>();

/** pg_trgm similarity of two words, their trigram sets memoised (words repeat across candidates). */
function wordSimilarity(a: string, b: string): number {
  const ta = trigramsOf(a);
  const tb = trigramsOf(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

function trigramsOf(word: string): Set<string> {
  let set = trigramMemo.get(word);
  if (!set) {
    set = trigrams(word);
    if (trigramMemo.size >= PREPARED_MEMO_SIZE) trigramMemo.clear();
    trigramMemo.set(word, set);
  }
  return set;
}

/** A word-level match: its strength in [0, 1] and how it was found. */
interface WordMatch {
  score: number;
  agreement: NameAgreement;
}

const NO_MATCH: WordMatch = { score: 0, agreement: 'different' };
/** Below this a spelling similarity is reported as 'different'. */
const SIMILAR_MINIMUM = 0.35;

/** Scores of the word-level signals (tuned on the variant groups; see README). */
const WORD_SCORE = {
  spelling: 0.97,
  phoneticBase: 0.78,
  phoneticTrigramBonus: 0.2,
  initial: 0.6,
  oneTypo: 0.85,
  twoTypos: 0.7,
} as const;

const wordMatchMemo = new Map<string, WordMatch>();

/** `wordMatch`, memoised: the same pairs of words come up for many candidates. */
function wordMatch(
  a: string,
  codeA: string,
  b: string,
  codeB: string,
  allowInitial: boolean,
): WordMatch {
  if (a === b) return EXACT;
  const key = `${allowInitial ? 1 : 0}\u0000${a}\u0000${codeA}\u0000${b}\u0000${codeB}`;
  let match = wordMatchMemo.get(key);
  if (!match) {
    match = computeWordMatch(a, codeA, b, codeB, allowInitial);
    if (wordMatchMemo.size >= PREPARED_MEMO_SIZE) wordMatchMemo.clear();
    wordMatchMemo.set(key, match);
  }
  return match;
}

const EXACT: WordMatch = { score: 1, agreement: 'exact' };

function computeWordMatch(
  a: string,
  codeA: string,
  b: string,
  codeB: string,
  allowInitial: boolean,
): WordMatch {
  if (allowInitial && (a.length === 1 || b.length === 1) && a[0] === b[0]) {
    return { score: WORD_SCORE.initial, agreement: 'initial' };
  }
  const trigram = wordSimilarity(a, b);
  const distance = editDistance(a, b);
  const edit = 1 - distance / Math.max(a.length, b.length);
  // One or two typos cost a long word most of its trigrams; count them as a typo instead.
  const shorter = Math.min(a.length, b.length);
  const typo =
    distance === 1 && shorter >= 4
      ? WORD_SCORE.oneTypo
      : distance === 2 && shorter >= 6
        ? WORD_SCORE.twoTypos
        : 0;
  const phonetic =
    codeA !== '' && codeA === codeB
      ? WORD_SCORE.phoneticBase + WORD_SCORE.phoneticTrigramBonus * Math.max(trigram, edit)
      : 0;
  const similar = Math.max(trigram, typo);
  if (phonetic >= similar && phonetic > 0) return { score: phonetic, agreement: 'phonetic' };
  // A few shared trigrams are not worth naming as "similar" in an explanation.
  return { score: similar, agreement: similar >= SIMILAR_MINIMUM ? 'similar' : 'different' };
}

/** The result of comparing two names. */
export interface NameMatch {
  /** Strength in [0, 1]. */
  score: number;
  agreement: NameAgreement;
}

/** Weight of a match that covers only part of a double name ("Müller" for "Müller-Lüdenscheidt"). */
const PART_FACTOR = 0.9;

/**
 * Compares two prepared names. With `anyOf` (given names) a word found among several counts
 * fully; otherwise every word of the shorter name is matched with the best word
 * of the longer one (any order); the mean is the score. If the longer name has more words the
 * match counts as a part of a double name. Transliterated but unfolded equality ("Müller" vs
 * "Mueller") is 'exact'; equality only after folding ("Muller") is 'spelling'.
 */
export function compareNames(
  a: PreparedName,
  b: PreparedName,
  options: { allowInitials?: boolean; anyOf?: boolean } = {},
): NameMatch {
  if (a.folded.length === 0 || b.folded.length === 0) return NO_MATCH;
  const [short, long] = a.folded.length <= b.folded.length ? [a, b] : [b, a];
  let total = 0;
  let worst: NameAgreement = 'exact';
  const order: NameAgreement[] = [
    'exact',
    'spelling',
    'phonetic',
    'similar',
    'initial',
    'different',
  ];
  const used = new Set<number>();
  for (let i = 0; i < short.folded.length; i++) {
    let best = NO_MATCH;
    let bestJ = -1;
    for (let j = 0; j < long.folded.length; j++) {
      if (used.has(j)) continue;
      const m = wordMatch(
        short.folded[i] as string,
        short.codes[i] as string,
        long.folded[j] as string,
        long.codes[j] as string,
        options.allowInitials ?? false,
      );
      if (m.score > best.score) {
        best = m;
        bestJ = j;
      }
    }
    if (bestJ >= 0) used.add(bestJ);
    total += best.score;
    if (order.indexOf(best.agreement) > order.indexOf(worst)) worst = best.agreement;
  }
  let score = total / short.folded.length;
  let agreement: NameAgreement = worst;
  if (agreement === 'exact' && a.words.join(' ') !== b.words.join(' ')) {
    // Equal only after folding (Muller/Müller) or after dropping particles.
    agreement = a.folded.join(' ') === b.folded.join(' ') ? 'spelling' : agreement;
    if (agreement === 'spelling') score = Math.min(score, WORD_SCORE.spelling);
  }
  if (long.folded.length > short.folded.length && !options.anyOf) {
    // A double name written as one word ("Müllerlüdenscheidt") is the whole name, not a part.
    const joined = wordMatch(short.folded.join(''), '', long.folded.join(''), '', false);
    if (joined.score >= score * PART_FACTOR && joined.agreement !== 'different') {
      return {
        score: joined.score,
        agreement: joined.agreement === 'exact' ? 'spelling' : joined.agreement,
      };
    }
    score *= PART_FACTOR;
    if (agreement !== 'different') agreement = 'part';
  }
  return { score, agreement };
}
