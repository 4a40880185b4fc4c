import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('formatDate', () => {
  it('writes German dates the German way and English ones the British way', () => {
    expect(formatDate('2026-03-10', 'de')).toBe('10.03.2026');
    expect(formatDate('2026-03-10', 'en')).toBe('10 Mar 2026');
  });

  it('shows what it cannot read as it is', () => {
    expect(formatDate('soon', 'de')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('shows date and time in the given time zone', () => {
    expect(formatDateTime('2026-03-10T08:15:00Z', 'de', 'Europe/Berlin')).toBe('10.03.2026, 09:15');
  });
});
