import { describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_SETTINGS } from './anomalies.rules.js';
import { readAnomalySettings } from './anomalies.settings.js';

function read(env: Record<string, string>) {
  const problems: string[] = [];
  return { settings: readAnomalySettings(env, problems), problems };
}

describe('anomaly settings', () => {
  it('has defaults when nothing is set', () => {
    expect(read({})).toEqual({ settings: DEFAULT_ANOMALY_SETTINGS, problems: [] });
  });

  it('reads limits, working hours across midnight and rules switched off', () => {
    const { settings, problems } = read({
      ZEMAG_ANOMALY_BURST_PER_HOUR: '80',
      ZEMAG_ANOMALY_WORKING_HOURS: '22:00-06:00',
      ZEMAG_ANOMALY_RULES_OFF: 'own_name, off_hours',
      ZEMAG_ANOMALY_SCAN_MINUTES: '1',
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      burstPerHour: 80,
      workingHours: { start: 1320, end: 360 },
      off: ['own_name', 'off_hours'],
      scanMinutes: 1,
    });
  });

  it.each([
    ['ZEMAG_ANOMALY_BURST_PER_HOUR', '0'],
    ['ZEMAG_ANOMALY_BURST_PER_HOUR', '5.5'],
    ['ZEMAG_ANOMALY_NO_MATCH_PER_DAY', 'viele'],
    ['ZEMAG_ANOMALY_FILE_NUMBER_REPEAT_PER_DAY', '-3'],
    ['ZEMAG_ANOMALY_WORKING_HOURS', '6-20'],
    ['ZEMAG_ANOMALY_WORKING_HOURS', '08:00-08:00'],
    ['ZEMAG_ANOMALY_WORKING_HOURS', '24:00-06:00'],
    ['ZEMAG_ANOMALY_RULES_OFF', 'burst,nachts'],
    ['ZEMAG_ANOMALY_SCAN_MINUTES', '100000'],
  ])('refuses %s=%s and names the setting', (name, value) => {
    const { problems } = read({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });
});
