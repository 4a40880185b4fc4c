import { describe, expect, it } from 'vitest';
import { fieldRates, operatingCurve, share } from './lookup.bench.metrics.js';

describe('the look-up bench measures', () => {
  it('counts a present person as found only when its own id was shown', () => {
    const rates = fieldRates({
      present: [
        { id: 'a', shown: ['a', 'x'] },
        { id: 'b', shown: ['y'] },
        { id: 'c', shown: [] },
        { id: 'd', shown: ['d'] },
      ],
      absent: [],
    });
    expect(rates.found_rate_field).toBe(0.5);
    // x and y are strangers: two wrong persons over four look-ups.
    expect(rates.false_candidates_per_query).toBe(0.5);
  });

  it('counts an absent-person look-up as a hit when anyone at all was shown', () => {
    const rates = fieldRates({
      present: [],
      absent: [{ shown: [] }, { shown: ['x', 'y'] }, { shown: [] }, { shown: [] }],
    });
    expect(rates.negative_hit_rate).toBe(0.25);
    expect(rates.false_candidates_per_query).toBe(0);
  });

  it('shows fewer strangers and finds fewer persons as the threshold rises', () => {
    const curve = operatingCurve({
      present: [
        {
          id: 'a',
          candidates: [
            { id: 'a', score: 0.95 },
            { id: 'x', score: 0.6 },
          ],
        },
        { id: 'b', candidates: [{ id: 'b', score: 0.7 }] },
      ],
      absent: [{ candidates: [{ id: 'y', score: 0.65 }] }, { candidates: [] }],
      thresholds: [0.5, 0.68, 0.9],
    });
    expect(curve).toEqual([
      { threshold: 0.5, found_rate: 1, false_candidates_per_query: 0.5, negative_hit_rate: 0.5 },
      { threshold: 0.68, found_rate: 1, false_candidates_per_query: 0, negative_hit_rate: 0 },
      { threshold: 0.9, found_rate: 0.5, false_candidates_per_query: 0, negative_hit_rate: 0 },
    ]);
  });

  it('rounds shares to three places and gives 0 when nothing was asked', () => {
    expect(share(1, 3)).toBe(0.333);
    expect(share(0, 0)).toBe(0);
  });
});
