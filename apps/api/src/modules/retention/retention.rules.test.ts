import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { addMonths, localDate } from '../../local-date.js';
import { expiryDate, retentionCutoffs, startOfLocalDay } from './retention.rules.js';
import {
  DEFAULT_RETENTION_MONTHS,
  readRetentionSettings,
  RETENTION_RULES,
  retentionSetting,
} from './retention.settings.js';

const TZ = 'Europe/Berlin';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('retention periods', () => {
  it('start at local midnight of the city, summer and winter time alike', () => {
    expect(startOfLocalDay('2026-01-15', TZ).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfLocalDay('2026-07-15', TZ).toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // The days the clocks change.
    expect(startOfLocalDay('2026-03-29', TZ).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-10-25', TZ).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('make an item due the day after its last day, for every rule', () => {
    // 15 July 2026, 09:00 in Berlin.
    const now = new Date('2026-07-15T07:00:00Z');
    const cutoffs = retentionCutoffs({ now, timeZone: TZ, months: DEFAULT_RETENTION_MONTHS });
    for (const rule of RETENTION_RULES) {
      // The local date `months` before today starts at the cutoff: an item from the evening
      // before is due, one from that day itself is kept until today is over.
      const cutoffDay = addMonths('2026-07-15', -DEFAULT_RETENTION_MONTHS[rule]);
      expect(localDate(cutoffs[rule], TZ), rule).toBe(cutoffDay);
      expect(localDate(new Date(cutoffs[rule].getTime() - 1), TZ), rule).toBe(
        addDays(cutoffDay, -1),
      );
    }
    expect(cutoffs.rejected_reports.toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(cutoffs.unlisted_incidents.toISOString()).toBe('2024-07-14T22:00:00.000Z');
    expect(cutoffs.closed_listings.toISOString()).toBe('2025-07-14T22:00:00.000Z');
    expect(cutoffs.persons.toISOString()).toBe('2026-04-14T22:00:00.000Z');
    expect(cutoffs.erased_person_incidents.toISOString()).toBe('2025-07-14T22:00:00.000Z');
    expect(cutoffs.audit_terms.toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });

  it('follow the city date, not UTC, just after midnight', () => {
    // 00:30 on 1 August in Berlin is still 31 July in UTC.
    const now = new Date('2026-07-31T22:30:00Z');
    expect(expiryDate(now, TZ)).toBe('2026-08-01');
    const cutoffs = retentionCutoffs({ now, timeZone: TZ, months: DEFAULT_RETENTION_MONTHS });
    expect(cutoffs.audit_terms.toISOString()).toBe('2026-01-31T23:00:00.000Z');
  });
});

describe('retention settings', () => {
  it('default to the documented periods and an hourly run', () => {
    const config = loadConfig({});
    expect(config.retention).toEqual({
      months: {
        closed_listings: 12,
        rejected_reports: 6,
        unlisted_incidents: 24,
        erased_person_incidents: 12,
        persons: 3,
        audit_terms: 6,
        audit_events: 24,
      },
      intervalMinutes: 60,
    });
  });

  it('read every period from ZEMAG_RETENTION_<RULE>_MONTHS', () => {
    const env = Object.fromEntries(
      RETENTION_RULES.map((rule, i) => [retentionSetting(rule), `${i + 6}`]),
    );
    const problems: string[] = [];
    const settings = readRetentionSettings(
      { ...env, ZEMAG_RETENTION_INTERVAL_MINUTES: '15' },
      problems,
    );
    expect(problems).toEqual([]);
    expect(Object.values(settings.months)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    // the audit log is kept at least half a year
    readRetentionSettings({ ZEMAG_RETENTION_AUDIT_EVENTS_MONTHS: '5' }, problems);
    expect(problems).toEqual([
      'ZEMAG_RETENTION_AUDIT_EVENTS_MONTHS: at least 6 months (the audit log must cover at least half a year)',
    ]);
    expect(settings.intervalMinutes).toBe(15);
  });

  it('refuse 0, negative and non-numeric periods at start, naming the setting', () => {
    try {
      loadConfig({
        ZEMAG_RETENTION_REJECTED_REPORTS_MONTHS: '0',
        ZEMAG_RETENTION_PERSONS_MONTHS: '-3',
        ZEMAG_RETENTION_AUDIT_TERMS_MONTHS: 'six',
        ZEMAG_RETENTION_CLOSED_LISTINGS_MONTHS: '1.5',
        ZEMAG_RETENTION_INTERVAL_MINUTES: '0',
      });
      expect.unreachable('loadConfig accepted periods of 0 or less');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^ZEMAG_RETENTION_REJECTED_REPORTS_MONTHS: must be at least 1/m);
      expect(problems).toMatch(/^ZEMAG_RETENTION_PERSONS_MONTHS: must be at least 1/m);
      expect(problems).toMatch(/^ZEMAG_RETENTION_AUDIT_TERMS_MONTHS: must be a whole number/m);
      expect(problems).toMatch(/^ZEMAG_RETENTION_CLOSED_LISTINGS_MONTHS: must be a whole number/m);
      expect(problems).toMatch(/^ZEMAG_RETENTION_INTERVAL_MINUTES: must be at least 1/m);
    }
  });
});
