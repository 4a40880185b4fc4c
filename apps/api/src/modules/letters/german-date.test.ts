import { describe, expect, it } from 'vitest';
import { germanDate } from './german-date.js';

describe('germanDate', () => {
  it.each([
    ['2027-03-07', '7. März 2027'],
    ['2026-01-01', '1. Januar 2026'],
    ['2026-12-31', '31. Dezember 2026'],
    ['2028-02-29', '29. Februar 2028'],
    ['2027-10-15', '15. Oktober 2027'],
  ])('prints %s as "%s"', (iso, german) => {
    expect(germanDate(iso)).toBe(german);
  });

  it.each(['2027-02-29', '2027-13-01', '2027-3-7', '7.3.2027', '', '2027-03-07T10:00'])(
    'refuses "%s" rather than printing a wrong date',
    (bad) => {
      expect(() => germanDate(bad)).toThrow(RangeError);
    },
  );
});
