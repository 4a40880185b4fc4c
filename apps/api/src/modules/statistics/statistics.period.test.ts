import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.js';
import { addMonth, monthsOf, periodInstants, resolvePeriod } from './statistics.period.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.errors?.[0]?.field };
  }
  return null;
};

describe('the period of the statistics', () => {
  it('runs from the oldest report to the current month when nothing is asked', () => {
    expect(resolvePeriod({ currentMonth: '2026-12', oldestMonth: '2025-01' })).toEqual({
      from: '2025-01',
      to: '2026-12',
    });
    expect(resolvePeriod({ currentMonth: '2026-12', oldestMonth: null })).toEqual({
      from: '2026-12',
      to: '2026-12',
    });
  });

  it('starts with the oldest report before an earlier end, or at the end itself', () => {
    expect(
      resolvePeriod({ to: '2025-06', currentMonth: '2026-12', oldestMonth: '2025-01' }),
    ).toEqual({ from: '2025-01', to: '2025-06' });
    expect(
      resolvePeriod({ to: '2024-06', currentMonth: '2026-12', oldestMonth: '2025-01' }),
    ).toEqual({ from: '2024-06', to: '2024-06' });
  });

  it('goes back at most ten years by itself', () => {
    expect(resolvePeriod({ currentMonth: '2026-12', oldestMonth: '2001-03' })).toEqual({
      from: '2017-01',
      to: '2026-12',
    });
  });

  it('refuses a reversed or too long period, naming the field', () => {
    expect(
      refusal(() =>
        resolvePeriod({
          from: '2026-05',
          to: '2026-04',
          currentMonth: '2026-12',
          oldestMonth: null,
        }),
      ),
    ).toEqual({ code: 'statistics.period_reversed', field: 'to' });
    expect(
      refusal(() => resolvePeriod({ from: '2027-01', currentMonth: '2026-12', oldestMonth: null })),
    ).toEqual({ code: 'statistics.period_reversed', field: 'from' });
    expect(
      refusal(() =>
        resolvePeriod({
          from: '2016-12',
          to: '2026-12',
          currentMonth: '2026-12',
          oldestMonth: null,
        }),
      ),
    ).toEqual({ code: 'statistics.period_too_long', field: 'from' });
    expect(
      resolvePeriod({ from: '2017-01', to: '2026-12', currentMonth: '2026-12', oldestMonth: null }),
    ).toEqual({ from: '2017-01', to: '2026-12' });
  });

  it('counts months across the turn of a year, and in the city’s time', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(addMonth('2026-12', 1)).toBe('2027-01');
    const { start, end } = periodInstants({ from: '2026-01', to: '2026-06' }, 'Europe/Berlin');
    expect(start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
});
