import { describe, expect, it } from 'vitest';
import { draftFrom, emptyDraft, emptyPerson, toReportInput } from './report-form.model';
import {
  fieldId,
  fieldKey,
  problemText,
  serverProblems,
  validateReport,
} from './report-validation';

const NOW = new Date('2026-03-10T10:00:00Z');

function quickDraft() {
  return {
    ...emptyDraft(new Date('2026-03-10T09:00:00Z')),
    categories: ['threat' as const],
    level: 2 as const,
    placeDescription: 'Bürgerbüro Nord, Schalter 3',
  };
}

describe('the report form', () => {
  it('turns a quick report into a valid report marked quick', () => {
    const input = toReportInput(quickDraft());
    expect(validateReport(input, NOW)).toEqual([]);
    expect(input).toMatchObject({
      categories: ['threat'],
      level: 2,
      quick: true,
      place: { address: null, description: 'Bürgerbüro Nord, Schalter 3', position: null },
      persons: [],
    });
    expect(input.occurredAt).toBe('2026-03-10T09:00:00.000Z');
  });

  it('is no longer quick once details are given', () => {
    const draft = { ...quickDraft(), policeInvolved: 'yes' as const };
    expect(toReportInput(draft)).toMatchObject({ quick: false, policeInvolved: true });
  });

  it('sends the date of birth as the date field hands it, and refuses one that is no date', () => {
    const withDate = (dateOfBirth: string) => ({
      ...quickDraft(),
      persons: [{ ...emptyPerson(), familyName: 'Muster', dateOfBirth }],
    });
    expect(toReportInput(withDate('1984-03')).persons![0]!.dateOfBirth).toBe('1984-03');
    expect(toReportInput(withDate('')).persons![0]!.dateOfBirth).toBeNull();
    expect(validateReport(toReportInput(withDate('07..1984')), NOW)).toEqual([
      { field: 'persons.0.dateOfBirth', code: 'invalid_format' },
    ]);
  });

  it('names every missing minimum by field', () => {
    const problems = validateReport(toReportInput(emptyDraft(NOW)), NOW);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['place.description', 'invalid'],
      ['categories', 'too_few'],
    ]);
  });

  it('asks for a name or a description of each person', () => {
    const draft = { ...quickDraft(), persons: [emptyPerson()] };
    expect(validateReport(toReportInput(draft), NOW)).toEqual([
      { field: 'persons.0.familyName', code: 'invalid' },
    ]);
  });

  it('refuses a time in the future', () => {
    const draft = { ...quickDraft(), occurredAt: '2026-03-11T09:00' };
    expect(validateReport(toReportInput(draft), NOW)).toEqual([
      { field: 'occurredAt', code: 'incident.in_future' },
    ]);
  });

  it('wants a street when an address is started, and five digits of postal code', () => {
    const draft = { ...quickDraft(), postalCode: '5206', city: 'Aachen' };
    expect(validateReport(toReportInput(draft), NOW).map((p) => p.field)).toEqual([
      'place.address.street',
      'place.address.postalCode',
    ]);
  });

  it('gives a stored report back to the form without losing anything', () => {
    const draft = {
      ...quickDraft(),
      street: 'Marktplatz',
      houseNumber: '1',
      postalCode: '52062',
      city: 'Aachen',
      description: 'Er schrie und schlug gegen die Scheibe.',
      injuries: 'minor' as const,
      policeInvolved: 'no' as const,
      complaintStatus: 'planned' as const,
      complaintFileNumber: 'AZ 123/26',
      persons: [{ ...emptyPerson(), familyName: 'Muster', dateOfBirth: '1984-03' }],
    };
    const input = toReportInput(draft);
    const again = toReportInput(draftFrom(input));
    expect(again).toEqual(input);
  });
});

describe('field errors', () => {
  it.each([
    ['occurredAt', 'report-occurredAt'],
    ['categories', 'report-categories'],
    ['categories.1', 'report-categories'],
    ['place', 'report-place-description'],
    ['place.address', 'report-place-address-street'],
    ['place.address.postalCode', 'report-place-address-postalCode'],
    ['persons.0.familyName', 'report-persons-0-familyName'],
    ['persons.1', 'report-persons-1-familyName'],
    ['persons.2.address.city', 'report-persons-2-address-city'],
    ['criminalComplaint.fileNumber', 'report-criminalComplaint-fileNumber'],
  ])('puts %s at the control %s', (field, id) => {
    expect(fieldId(field)).toBe(id);
  });

  it('reads the server’s paths, also inside an amendment', () => {
    const message = { de: 'x', en: 'y' };
    expect(
      serverProblems([
        { field: 'report.persons.0.familyName', code: 'too_long', message },
        { field: 'occurredAt', code: 'incident.in_future', message },
      ]).map((p) => [p.field, p.code]),
    ).toEqual([
      ['persons.0.familyName', 'too_long'],
      ['occurredAt', 'incident.in_future'],
    ]);
    expect(fieldKey('report.persons.3.address.street')).toBe('persons.address.street');
  });
});

describe('field messages', () => {
  const texts: Record<string, string> = {
    'reports.fieldErrors.persons.familyName.invalid': 'Name oder Beschreibung',
    'reports.fieldErrors.generic.too_long': 'Höchstens {{max}} Zeichen',
    'fieldErrors.generic.too_long': 'Zu lang',
    'errors.incident.in_future': 'In der Zukunft',
    'fieldErrors.generic.invalid': 'Ungültig',
  };
  const tr = {
    language: 'de',
    exists: (key: string) => key in texts,
    t: (key: string, params?: Record<string, string | number>) =>
      (texts[key] ?? key).replace('{{max}}', String(params?.max ?? '{{max}}')),
  };

  it.each([
    [{ field: 'persons.3.familyName', code: 'invalid' }, 'Name oder Beschreibung'],
    [{ field: 'description', code: 'too_long', params: { max: 10000 } }, 'Höchstens 10000 Zeichen'],
    [{ field: 'description', code: 'too_long' }, 'Zu lang'],
    [{ field: 'occurredAt', code: 'incident.in_future' }, 'In der Zukunft'],
    [
      { field: 'x', code: 'odd', serverMessage: { de: 'Vom Server', en: 'From the server' } },
      'Vom Server',
    ],
    [{ field: 'x', code: 'odd' }, 'Ungültig'],
  ])('says %j as “%s”', (problem, text) => {
    expect(problemText(problem, tr)).toBe(text);
  });
});
