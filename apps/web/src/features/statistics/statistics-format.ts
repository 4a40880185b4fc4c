import type { StatisticsCount } from '@zemag/contracts';

/** `2026-03` as the month and year in the language (`März 2026`, `Mar 2026`). */
export function monthName(month: string, language: string, style: 'long' | 'short' = 'long') {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, number - 1, 1)));
}

/** A count for the page: a number in the language, or null when withheld. */
export function countText(count: StatisticsCount, language: string): string | null {
  return count === null ? null : count.toLocaleString(language);
}

/** The share of the largest published count a bar takes (0 for a withheld one). */
export function barShare(count: StatisticsCount, counts: readonly StatisticsCount[]): number {
  const max = Math.max(0, ...counts.filter((c): c is number => c !== null));
  return count === null || max === 0 ? 0 : count / max;
}

/** Which months of a chart get a label under their column: about six (a phone's width). */
export function labelledMonths(months: readonly string[]): Set<string> {
  const step = Math.max(1, Math.ceil(months.length / 6));
  return new Set(months.filter((_, i) => i % step === 0));
}
