import { describe, expect, it } from 'vitest';
import { IncidentReportInput, PartialDate, proposedLevel } from './incidents.schemas.js';

const quick = {
  occurredAt: '2026-11-20T09:30:00+01:00',
  place: { description: 'Treppenhaus, 3. OG' },
  categories: ['threat'],
  level: 2,
};

describe('proposedLevel', () => {
  it.each([
    [['insult'], 1],
    [['threat'], 2],
    [['insult', 'property_damage'], 2],
    [['physical_violence', 'weapon_or_tool'], 3],
    [[], 0],
  ] as const)('%j → %i', (categories, level) => {
    expect(proposedLevel(categories)).toBe(level);
  });
});

describe('IncidentReportInput', () => {
  it('accepts a quick report with time, place and one category and fills the rest', () => {
    const parsed = IncidentReportInput.parse(quick);
    expect(parsed).toMatchObject({
      description: '',
      injuries: 'unknown',
      policeInvolved: null,
      criminalComplaint: { status: 'unknown', fileNumber: null },
      persons: [],
      quick: false,
    });
  });

  it('refuses a report without any place and names the field', () => {
    const result = IncidentReportInput.safeParse({ ...quick, place: {} });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['place.description']);
  });

  it('refuses unknown and repeated categories', () => {
    expect(IncidentReportInput.safeParse({ ...quick, categories: ['theft'] }).success).toBe(false);
    expect(
      IncidentReportInput.safeParse({ ...quick, categories: ['threat', 'threat'] }).success,
    ).toBe(false);
  });

  it('refuses a person with neither a name nor a description', () => {
    const result = IncidentReportInput.safeParse({ ...quick, persons: [{ givenNames: 'Ali' }] });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['persons.0.familyName']);
  });

  it('keeps a name with markup as typed (it is rendered as text, never as HTML)', () => {
    const name = '<script>alert(1)</script>';
    const parsed = IncidentReportInput.parse({ ...quick, persons: [{ familyName: name }] });
    expect(parsed.persons[0]?.familyName).toBe(name);
  });
});

describe('IncidentReportInput, one-tap report', () => {
  const oneTap = { occurredAt: '2026-11-20T09:30:00+01:00', place: {}, incomplete: true };

  it('accepts only the time, without place, level or category', () => {
    const parsed = IncidentReportInput.parse(oneTap);
    expect(parsed).toMatchObject({ level: null, categories: [], incomplete: true });
  });

  it('accepts the position of the phone', () => {
    const position = { latitude: 50.94, longitude: 6.96, accuracyMeters: 12 };
    const parsed = IncidentReportInput.parse({ ...oneTap, place: { position } });
    expect(parsed.place.position).toEqual(position);
  });

  it('refuses a level in an incomplete report (the review decides it)', () => {
    const result = IncidentReportInput.safeParse({ ...oneTap, level: 2 });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['level']);
  });

  it('still requires category, level and place of a complete report, all at once', () => {
    const result = IncidentReportInput.safeParse({ occurredAt: oneTap.occurredAt, place: {} });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'place.description',
      'categories',
      'level',
    ]);
  });
});

describe('PartialDate', () => {
  it.each(['1984', '1984-03', '1984-03-07'])('accepts %s', (value) => {
    expect(PartialDate.safeParse(value).success).toBe(true);
  });
  it.each(['84', '1984-13', '1984-02-32', '07.03.1984'])('refuses %s', (value) => {
    expect(PartialDate.safeParse(value).success).toBe(false);
  });
});
