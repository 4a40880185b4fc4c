import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_NUMBER_PATTERN } from '../lookup/file-number.js';
import {
  DEFAULT_ANOMALY_SETTINGS,
  evaluateDay,
  familyNameOf,
  placeholderDigits,
  type AnomalySettings,
  type LookupFact,
} from './anomalies.rules.js';

const TZ = 'Europe/Berlin';
const pattern = new RegExp(DEFAULT_FILE_NUMBER_PATTERN, 'u');
let seq = 0;

function lookup(at: string, over: Partial<LookupFact> = {}): LookupFact {
  seq += 1;
  return {
    seq,
    occurredAt: new Date(at),
    fileNumber: 'OA 12-345/26',
    shown: 1,
    visitList: false,
    familyNames: ['Meyer'],
    ...over,
  };
}

function evaluate(
  lookups: LookupFact[],
  {
    settings = {},
    employee = 'schmidt',
  }: { settings?: Partial<AnomalySettings>; employee?: string | null } = {},
) {
  return evaluateDay({
    day: '2026-03-10',
    lookups,
    employeeFamilyName: employee,
    settings: { ...DEFAULT_ANOMALY_SETTINGS, ...settings },
    fileNumberPattern: pattern,
    timeZone: TZ,
  });
}

/** `n` look-ups `stepSeconds` apart from `start`. */
function series(start: string, n: number, stepSeconds: number, over: Partial<LookupFact> = {}) {
  const t0 = new Date(start).getTime();
  return Array.from({ length: n }, (_, i) =>
    lookup(new Date(t0 + i * stepSeconds * 1000).toISOString(), over),
  );
}

describe('anomaly rules', () => {
  it('finds a burst only above the limit, in any 60 minutes, not per clock hour', () => {
    const limit = DEFAULT_ANOMALY_SETTINGS.burstPerHour;
    expect(evaluate(series('2026-03-10T09:00:00Z', limit, 60)).map((f) => f.rule)).not.toContain(
      'burst',
    );
    // limit + 1 look-ups from 09:30 to 10:20: two clock hours, one window of 60 minutes
    const burst = evaluate(series('2026-03-10T09:30:00Z', limit + 1, 60)).find(
      (f) => f.rule === 'burst',
    );
    expect(burst?.facts).toMatchObject({ count: limit + 1, limit, fromVisitLists: 0 });
    expect(burst?.seqs).toHaveLength(limit + 1);
    // the same number spread over more than an hour is no burst
    expect(
      evaluate(series('2026-03-10T08:00:00Z', limit + 1, 80)).map((f) => f.rule),
    ).not.toContain('burst');
  });

  it('says how many look-ups of a burst came from visit lists', () => {
    const lines = series('2026-03-10T09:00:00Z', 40, 1, { visitList: true });
    const own = series('2026-03-10T09:10:00Z', 11, 30);
    const burst = evaluate([...lines, ...own]).find((f) => f.rule === 'burst');
    expect(burst?.facts).toMatchObject({ count: 51, fromVisitLists: 40 });
  });

  it('finds look-ups outside working hours in local time, summer and winter', () => {
    // 05:30 local in winter (UTC+1) and 20:10 local; 12:00 is inside
    const winter = evaluate([
      lookup('2026-03-10T04:30:00Z'),
      lookup('2026-03-10T11:00:00Z'),
      lookup('2026-03-10T19:10:00Z'),
    ]).find((f) => f.rule === 'off_hours');
    expect(winter?.facts).toEqual({ count: 2, workingHours: '06:00–20:00' });
    // 06:30 local in summer (UTC+2) is 04:30 UTC: inside
    const summer = evaluateDay({
      day: '2026-07-10',
      lookups: [lookup('2026-07-10T04:30:00Z')],
      employeeFamilyName: null,
      settings: DEFAULT_ANOMALY_SETTINGS,
      fileNumberPattern: pattern,
      timeZone: TZ,
    });
    expect(summer).toEqual([]);
  });

  it('reads working hours across midnight (a night shift 22:00–06:00)', () => {
    const night = { workingHours: { start: 22 * 60, end: 6 * 60 } };
    const rules = (at: string) => evaluate([lookup(at)], { settings: night }).map((f) => f.rule);
    expect(rules('2026-03-10T22:30:00Z')).not.toContain('off_hours'); // 23:30 local
    expect(rules('2026-03-10T02:00:00Z')).not.toContain('off_hours'); // 03:00 local
    expect(rules('2026-03-10T11:00:00Z')).toContain('off_hours'); // 12:00 local
  });

  it('finds file numbers off the configured form or with made-up digits, one finding each', () => {
    const findings = evaluate([
      lookup('2026-03-10T09:00:00Z', { fileNumber: 'AZ 1234-5678' }),
      lookup('2026-03-10T09:05:00Z', { fileNumber: 'AZ 1234-5678' }),
      lookup('2026-03-10T09:10:00Z', { fileNumber: 'irgendwas' }),
      lookup('2026-03-10T09:15:00Z', { fileNumber: '32.1-2026/0815' }),
    ]).filter((f) => f.rule === 'file_number_form');
    expect(findings.map((f) => f.facts)).toEqual([
      { fileNumber: 'AZ 1234-5678', problem: 'placeholder', count: 2 },
      { fileNumber: 'irgendwas', problem: 'pattern', count: 1 },
    ]);
  });

  it('finds a file number repeated more often than allowed in a day', () => {
    const limit = DEFAULT_ANOMALY_SETTINGS.fileNumberRepeatPerDay;
    const rules = (n: number) =>
      evaluate(series('2026-03-10T08:00:00Z', n, 600)).map((f) => f.rule);
    expect(rules(limit)).not.toContain('file_number_repeat');
    expect(rules(limit + 1)).toContain('file_number_repeat');
  });

  it("finds a look-up of the employee's own family name, accents and case aside", () => {
    const own = evaluate(
      [
        lookup('2026-03-10T09:00:00Z', { familyNames: ['SCHMİDT'] }),
        lookup('2026-03-10T09:01:00Z', { familyNames: ['Schmídt'] }),
        lookup('2026-03-10T09:02:00Z', { familyNames: ['Schmidtke'] }),
      ],
      { employee: familyNameOf('Anna Schmidt') },
    ).filter((f) => f.rule === 'own_name');
    // "SCHMİDT" and "Schmídt" are the employee's name; "Schmidtke" is another
    expect(own).toHaveLength(2);
    expect(own.map((f) => f.key)).toEqual(own.map((f) => `2026-03-10|${f.seqs[0]}`));
    expect(
      evaluate([lookup('2026-03-10T09:00:00Z', { familyNames: ['Schmidt'] })], { employee: null }),
    ).toEqual([]);
  });

  it('finds many look-ups without a match', () => {
    const limit = DEFAULT_ANOMALY_SETTINGS.noMatchPerDay;
    const empty = series('2026-03-10T08:00:00Z', limit + 1, 600, { shown: 0 });
    const hits = series('2026-03-10T09:00:00Z', 3, 600);
    const finding = evaluate([...empty, ...hits]).find((f) => f.rule === 'no_match');
    expect(finding?.facts).toEqual({ count: limit + 1, limit, lookups: limit + 4 });
    expect(
      evaluate(series('2026-03-10T08:00:00Z', limit, 600, { shown: 0 })).map((f) => f.rule),
    ).not.toContain('no_match');
  });

  it('leaves out rules that are switched off, and finds nothing in an ordinary day', () => {
    const night = [lookup('2026-03-10T01:00:00Z')];
    expect(evaluate(night, { settings: { off: ['off_hours'] } })).toEqual([]);
    expect(evaluate(series('2026-03-10T08:00:00Z', 8, 1800))).toEqual([]);
    expect(evaluate([])).toEqual([]);
  });

  it('gives the same findings for the same day whatever order the events come in', () => {
    const day = [
      ...series('2026-03-10T09:00:00Z', 60, 30, { shown: 0 }),
      lookup('2026-03-10T02:00:00Z'),
    ];
    const forward = evaluate(day);
    expect(evaluate([...day].reverse())).toEqual(forward);
  });
});

describe('made-up file numbers and employee family names', () => {
  it.each([
    ['0000/0000', true],
    ['AZ 1111-11', true],
    ['1234-5678', true],
    ['VZ 9876/543', true],
    ['32.1-2026/0815', false],
    ['OA 12-345/26', false],
    ['AB 123', false],
  ])('%s made up: %s', (fileNumber, expected) => {
    expect(placeholderDigits(fileNumber)).toBe(expected);
  });

  it.each([
    ['Anna Schmidt', 'schmidt'],
    ['Schmidt, Anna', 'schmidt'],
    ['Jörg Müller-Lüdenscheidt', 'mullerludenscheidt'],
    ['Test User 12', null],
    ['', null],
  ])('%s → %s', (displayName, expected) => {
    expect(familyNameOf(displayName)).toBe(expected);
  });
});
