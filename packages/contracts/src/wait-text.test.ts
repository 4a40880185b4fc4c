import { describe, expect, it } from 'vitest';
import { errorDetail } from './errors.detail.js';
import { waitText } from './wait-text.js';

describe('the wait named in a 429 text', () => {
  it.each([
    [1, '1 Sekunde', '1 second'],
    [45, '45 Sekunden', '45 seconds'],
    [59.2, '1 Minute', '1 minute'],
    [60, '1 Minute', '1 minute'],
    [61, '2 Minuten', '2 minutes'],
    [120, '2 Minuten', '2 minutes'],
    [3_540, '59 Minuten', '59 minutes'],
    [3_600, '1 Stunde', '1 hour'],
    [3_601, '1 Stunde und 1 Minute', '1 hour and 1 minute'],
    [4_800, '1 Stunde und 20 Minuten', '1 hour and 20 minutes'],
    [7_200, '2 Stunden', '2 hours'],
  ])('%s seconds read "%s" / "%s"', (seconds, de, en) => {
    expect(waitText(seconds)).toEqual({ de, en });
  });

  it('without a number of seconds it says "a short while"', () => {
    expect(waitText(undefined)).toEqual({ de: 'kurzer Zeit', en: 'a short while' });
    expect(waitText(0)).toEqual({ de: 'kurzer Zeit', en: 'a short while' });
  });

  it('names the clock time in the city, rounded up to the minute, from a minute on', () => {
    const until = new Date('2026-01-15T13:31:20Z');
    expect(waitText(200, { until, timeZone: 'Europe/Berlin' })).toEqual({
      de: '4 Minuten (um 14:32 Uhr)',
      en: '4 minutes (at 14:32)',
    });
    expect(waitText(30, { until, timeZone: 'Europe/Berlin' })).toEqual({
      de: '30 Sekunden',
      en: '30 seconds',
    });
  });

  it('fills the look-up refusal in both languages', () => {
    const detail = errorDetail('lookup.rate_limited', { wait: waitText(180) });
    expect(detail.de).toContain('Die nächste Abfrage ist in 3 Minuten möglich.');
    expect(detail.en).toContain('The next look-up is possible in 3 minutes.');
    expect(`${detail.de} ${detail.en}`).not.toContain('{{');
  });
});
