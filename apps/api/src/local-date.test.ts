import { describe, expect, it } from 'vitest';
import { addMonths, localDate } from './local-date.js';

describe('local dates', () => {
  it.each([
    ['2026-06-15T21:59:59Z', '2026-06-15'],
    ['2026-06-15T22:00:00Z', '2026-06-16'], // midnight in Berlin (summer time)
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s is %s in Berlin', (instant, expected) => {
    expect(localDate(new Date(instant), 'Europe/Berlin')).toBe(expected);
  });

  it.each([
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
