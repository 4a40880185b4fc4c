import { describe, expect, it } from 'vitest';
import { addMonths, localClock, localDate, localInstant } from './local-date.js';

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

describe('local clock and local instants', () => {
  it('reads the local day and minutes, and finds the instant of a local time, across DST', () => {
    expect(localClock(new Date('2026-03-10T23:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-03-11',
      minutes: 30,
    });
    // winter UTC+1, summer UTC+2
    const winter = localInstant(new Date('2026-03-10T12:00:00Z'), '02:40', 'Europe/Berlin');
    expect(new Date(winter).toISOString()).toBe('2026-03-10T01:40:00.000Z');
    const summer = localInstant(new Date('2026-07-10T12:00:00Z'), '02:40', 'Europe/Berlin');
    expect(new Date(summer).toISOString()).toBe('2026-07-10T00:40:00.000Z');
    // the day DST begins (29 March 2026, 02:00 → 03:00): 10:05 is UTC+2
    const change = localInstant(new Date('2026-03-29T12:00:00Z'), '10:05', 'Europe/Berlin');
    expect(new Date(change).toISOString()).toBe('2026-03-29T08:05:00.000Z');
  });
});
