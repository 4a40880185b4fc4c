/**
 * Pure measures of `zemag bench lookup` over what look-ups showed: the field view's rates and
 * the operating curve (what a score threshold would show), so the city can choose it knowingly.
 */

/** A look-up of a person who is in the register, and the ids its answer showed. */
export interface PresentAnswer {
  id: string;
  shown: readonly string[];
}

/** A look-up of a person who is not in the register, and the ids its answer showed. */
export interface AbsentAnswer {
  shown: readonly string[];
}

/** A share rounded to three places (0 when nothing was asked). */
export function share(count: number, of: number) {
  return of === 0 ? 0 : Math.round((count / of) * 1000) / 1000;
}

/**
 * The field view's rates: present persons found, wrong persons shown per look-up of a present
 * person, and the share of absent-person look-ups answered with any candidate.
 */
export function fieldRates({
  present,
  absent,
}: {
  present: readonly PresentAnswer[];
  absent: readonly AbsentAnswer[];
}) {
  const found = present.filter((a) => a.shown.includes(a.id)).length;
  const wrong = present.reduce((n, a) => n + a.shown.filter((id) => id !== a.id).length, 0);
  const hits = absent.filter((a) => a.shown.length > 0).length;
  return {
    found_rate_field: share(found, present.length),
    false_candidates_per_query: Math.round((wrong / Math.max(1, present.length)) * 1000) / 1000,
    negative_hit_rate: share(hits, absent.length),
  };
}

/** A ranked answer: the candidates with their scores, best first. */
export interface ScoredAnswer {
  candidates: readonly { id: string; score: number }[];
}

/**
 * For each threshold, the same three rates if only candidates scoring at least the threshold
 * were shown (of those the look-up returned): one point of the curve per threshold.
 */
export function operatingCurve({
  present,
  absent,
  thresholds,
}: {
  present: readonly (ScoredAnswer & { id: string })[];
  absent: readonly ScoredAnswer[];
  thresholds: readonly number[];
}) {
  const above = (answer: ScoredAnswer, threshold: number) =>
    answer.candidates.filter((c) => c.score >= threshold).map((c) => c.id);
  return thresholds.map((threshold) => {
    const rates = fieldRates({
      present: present.map((a) => ({ id: a.id, shown: above(a, threshold) })),
      absent: absent.map((a) => ({ shown: above(a, threshold) })),
    });
    return {
      threshold,
      found_rate: rates.found_rate_field,
      false_candidates_per_query: rates.false_candidates_per_query,
      negative_hit_rate: rates.negative_hit_rate,
    };
  });
}
