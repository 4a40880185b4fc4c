import { describe, expect, it } from 'vitest';
import { groupVisitLines, highestLevel, visitLineAnchor } from './visit-order';

const hit = (line: number, ...levels: number[]) => ({
  line,
  error: null,
  result: { candidates: levels.map((level) => ({ level })) },
});
const none = (line: number) => hit(line);
const failed = (line: number) => ({ line, error: { code: 'x' }, result: null });

describe('a checked visit list', () => {
  it('shows the lines with a hit first, then those not looked up, then those without an entry', () => {
    const groups = groupVisitLines([none(1), hit(2, 2), failed(3), none(4), hit(5, 3), none(6)]);
    expect(groups.hits.map((l) => l.line)).toEqual([2, 5]);
    expect(groups.failed.map((l) => l.line)).toEqual([3]);
    expect(groups.none.map((l) => l.line)).toEqual([1, 4, 6]);
  });

  it('keeps the order of the list within each group, however the lines arrive', () => {
    expect(groupVisitLines([hit(9, 2), hit(3, 3), hit(5, 2)]).hits.map((l) => l.line)).toEqual([
      3, 5, 9,
    ]);
  });

  it('has empty groups for an empty list', () => {
    expect(groupVisitLines([])).toEqual({ hits: [], failed: [], none: [] });
  });

  it('names the highest level of a line and a stable anchor for its card', () => {
    expect(highestLevel(hit(1, 2, 3, 2))).toBe(3);
    expect(highestLevel(none(1))).toBe(0);
    expect(highestLevel(failed(1))).toBe(0);
    expect(visitLineAnchor(12)).toBe('visit-line-12');
  });
});
