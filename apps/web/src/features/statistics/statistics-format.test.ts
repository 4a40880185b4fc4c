import { describe, expect, it } from 'vitest';
import { barShare, countText, labelledMonths, monthName } from './statistics-format';

describe('statistics on the page', () => {
  it('names months in the language', () => {
    expect(monthName('2026-03', 'de')).toBe('März 2026');
    expect(monthName('2026-03', 'en')).toBe('March 2026');
    expect(monthName('2025-12', 'de', 'short')).toBe('Dez. 2025');
  });

  it('writes counts in the language and leaves withheld ones to the mark', () => {
    expect(countText(1234, 'de')).toBe('1.234');
    expect(countText(0, 'en')).toBe('0');
    expect(countText(null, 'de')).toBeNull();
  });

  it('scales bars to the largest published count; a withheld one draws none', () => {
    expect(barShare(5, [5, 10, null])).toBe(0.5);
    expect(barShare(null, [5, 10, null])).toBe(0);
    expect(barShare(0, [0, null])).toBe(0);
  });

  it('labels about six months of a long chart, so that the labels fit a phone', () => {
    const months = Array.from({ length: 24 }, (_, i) => {
      const n = 2025 * 12 + 1 + i;
      return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    });
    const labelled = labelledMonths(months);
    expect([...labelled]).toEqual([
      '2025-02',
      '2025-06',
      '2025-10',
      '2026-02',
      '2026-06',
      '2026-10',
    ]);
    expect(labelledMonths(['2026-01', '2026-02'])).toEqual(new Set(['2026-01', '2026-02']));
  });
});
