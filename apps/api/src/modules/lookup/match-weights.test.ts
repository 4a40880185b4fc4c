import { describe, expect, it } from 'vitest';
import { sharedDataFile } from '../../test-support/shared-data.js';
import { MINIMUM_OBSERVATIONS } from '../matching/estimate-weights.js';
import { MATCH_WEIGHTS } from '../matching/weights.js';
import { parseFebrl, parseRldata } from './match-eval.js';
import { estimateFromFiles } from './match-weights.js';

/** Probabilities that `weights.ts` sets by hand (documented there), not from the files. */
const BY_HAND = new Set([
  'family.part.m',
  'family.part.u',
  'family.initial.m',
  'family.initial.u',
  'given.part.m',
  'given.part.u',
  'given.initial.m',
  'given.initial.u',
  'date.swapped.m',
  'date.swapped.u',
  'date.year_off_by_one.m',
  'date.year_off_by_one.u',
  'date.two_parts.m',
  'date.compatible_month.m',
  'date.compatible_month.u',
  'date.compatible_year.m',
  'date.compatible_year.u',
  'address.full.u',
  'address.street.u',
  'address.area.u',
  'address.different.u',
]);

describe('the reviewed weights', () => {
  it('are what the four linkage files give (re-run `zemag match-weights` after a change of the comparisons)', () => {
    const { weights, pairs } = estimateFromFiles([
      parseRldata(sharedDataFile('linkage/RLdata500.csv')),
      parseFebrl(sharedDataFile('linkage/dataset1.csv')),
      parseFebrl(sharedDataFile('linkage/dataset2.csv')),
      parseFebrl(sharedDataFile('linkage/dataset3.csv')),
    ]);
    expect(pairs.matches).toBe(4550);
    const differences: string[] = [];
    for (const [field, levels] of Object.entries(weights)) {
      for (const [level, estimated] of Object.entries(
        levels as Record<string, { m: number; u: number; observed: number }>,
      )) {
        const reviewed = (
          MATCH_WEIGHTS as unknown as Record<string, Record<string, { m: number; u: number }>>
        )[field]![level]!;
        for (const p of ['m', 'u'] as const) {
          const name = `${field}.${level}.${p}`;
          if (BY_HAND.has(name)) continue;
          if (p === 'm' && estimated.observed < MINIMUM_OBSERVATIONS) {
            differences.push(`${name}: seen ${estimated.observed} times, must be set by hand`);
            continue;
          }
          // Within 5 %: the file holds the estimate rounded to 3 significant digits.
          if (Math.abs(Math.log(reviewed[p] / estimated[p])) > 0.05) {
            differences.push(`${name}: file ${reviewed[p]}, estimated ${estimated[p]}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  }, 120_000);
});
