import type { IncidentSummary, InvolvedPerson } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import {
  type ProposalForm,
  addressLine,
  confirmedReports,
  groundDefaults,
  historyChanges,
  notificationFromForm,
  notificationProblems,
  personFieldOf,
  personFormFromReport,
  personInputFromForm,
  personName,
  proposalFromForm,
  proposalProblems,
  renameFieldErrors,
  toggle,
} from './review.model';

const summary = (over: Partial<IncidentSummary>): IncidentSummary => ({
  id: '00000000-0000-4000-8000-000000000001',
  reference: 'V-2026-00001',
  status: 'confirmed',
  occurredAt: '2026-03-01T10:00:00.000Z',
  submittedAt: '2026-03-01T11:00:00.000Z',
  categories: ['threat'],
  level: 2,
  incomplete: false,
  quick: false,
  reporter: 'Erika Mustermann',
  place: null,
  openQuestion: false,
  ...over,
});

const form = (over: Partial<ProposalForm> = {}): ProposalForm => ({
  incidentIds: ['i1'],
  level: 'auto',
  categories: null,
  precautions: [],
  precautionsText: '',
  validUntil: '',
  reason: 'Mehrfach bedroht',
  ...over,
});

describe('names and addresses', () => {
  it.each([
    [
      { street: 'Hauptstraße', houseNumber: '5', postalCode: '12345', city: 'Musterstadt' },
      'Hauptstraße 5, 12345 Musterstadt',
    ],
    [
      { street: 'Am Markt', houseNumber: null, postalCode: null, city: 'Musterstadt' },
      'Am Markt, Musterstadt',
    ],
    [{ street: 'Ringweg' }, 'Ringweg'],
  ])('writes %o as “%s”', (address, line) => {
    expect(addressLine(address)).toBe(line);
  });

  it.each([
    [{ familyName: 'Muster', givenNames: 'Max' }, 'Muster, Max'],
    [{ familyName: 'Muster', givenNames: null }, 'Muster'],
    [{ familyName: null, givenNames: null }, ''],
  ])('writes the name %o family name first', (person, name) => {
    expect(personName(person)).toBe(name);
  });
});

describe('grounds of a listing', () => {
  it('offers only confirmed reports', () => {
    const reports = [
      summary({ id: 'a', status: 'confirmed' }),
      summary({ id: 'b', status: 'in_review' }),
      summary({ id: 'c', status: 'rejected' }),
    ];
    expect(confirmedReports(reports).map((r) => r.id)).toEqual(['a']);
  });

  it.each([
    [[], null, []],
    [[{ level: 1, categories: ['insult'] }], 2, []],
    [[{ level: 2, categories: ['threat', 'insult'] }], 2, ['threat']],
    [
      [
        { level: 2, categories: ['threat'] },
        { level: 3, categories: ['weapon_or_tool', 'threat'] },
      ],
      3,
      ['threat', 'weapon_or_tool'],
    ],
  ] as const)('defaults of %o: level %s, categories %o', (grounds, level, categories) => {
    expect(groundDefaults(grounds)).toEqual({ level, categories });
  });
});

describe('the proposal form', () => {
  it('leaves level, categories and valid-until to the server when not chosen', () => {
    expect(proposalFromForm('p1', form())).toEqual({
      personId: 'p1',
      incidentIds: ['i1'],
      precautions: [],
      precautionsText: null,
      reason: 'Mehrfach bedroht',
    });
  });

  it('sends what the registrar chose, trimmed', () => {
    expect(
      proposalFromForm(
        'p1',
        form({
          level: '3',
          categories: ['threat'],
          precautions: ['pairs_only', 'dog_known'],
          precautionsText: '  Nur vormittags  ',
          validUntil: '2027-01-31',
          reason: '  Grund  ',
        }),
      ),
    ).toEqual({
      personId: 'p1',
      incidentIds: ['i1'],
      level: 3,
      categories: ['threat'],
      precautions: ['pairs_only', 'dog_known'],
      precautionsText: 'Nur vormittags',
      validUntil: '2027-01-31',
      reason: 'Grund',
    });
  });

  it.each([
    [form(), []],
    [form({ incidentIds: [] }), ['incidentIds']],
    [form({ categories: [] }), ['categories']],
    [form({ reason: ' ab ' }), ['reason']],
  ])('names the fields to correct', (input, problems) => {
    expect(proposalProblems(input)).toEqual(problems);
  });

  it('keeps checkbox values in the catalogue order', () => {
    const order = ['a', 'b', 'c'];
    expect(toggle(['c'], 'a', true, order)).toEqual(['a', 'c']);
    expect(toggle(['a', 'c'], 'c', false, order)).toEqual(['a']);
    expect(toggle(['a'], 'a', true, order)).toEqual(['a']);
  });
});

describe('a person record from a report', () => {
  const involved: InvolvedPerson = {
    id: 'x',
    familyName: 'Muster',
    givenNames: 'Max',
    dateOfBirth: '1980',
    address: { street: 'Hauptstraße', houseNumber: '5', postalCode: null, city: 'Musterstadt' },
    description: 'trägt Bart',
    personId: null,
  };

  it('prefills the form and turns it back into the request', () => {
    const prefilled = personFormFromReport(involved);
    expect(prefilled).toMatchObject({
      familyName: 'Muster',
      street: 'Hauptstraße',
      notes: 'trägt Bart',
    });
    expect(personInputFromForm(prefilled)).toEqual({
      familyName: 'Muster',
      givenNames: 'Max',
      dateOfBirth: '1980',
      notes: 'trägt Bart',
      address: { street: 'Hauptstraße', houseNumber: '5', postalCode: null, city: 'Musterstadt' },
    });
  });

  it('sends no address without a street', () => {
    const prefilled = { ...personFormFromReport(involved), street: ' ', city: 'Musterstadt' };
    expect(personInputFromForm(prefilled).address).toBeNull();
  });

  it('maps the server’s field names onto the form', () => {
    expect(personFieldOf('create.address.postalCode')).toBe('postalCode');
    expect(personFieldOf('address.street')).toBe('street');
    expect(personFieldOf('familyName')).toBe('familyName');
    const error = new ApiError({
      status: 400,
      code: 'request.invalid',
      fieldErrors: [
        { field: 'address.postalCode', code: 'invalid_format', message: { de: 'x', en: 'x' } },
      ],
    });
    const renamed = renameFieldErrors(error, personFieldOf);
    expect(renamed).toBeInstanceOf(ApiError);
    expect(renamed.code).toBe('request.invalid');
    expect(renamed.fieldErrors.map((e) => e.field)).toEqual(['postalCode']);
  });
});

describe('the notification record', () => {
  it('needs a date when sent', () => {
    expect(notificationProblems({ state: 'sent', sentOn: '', reason: '', reviewOn: '' })).toEqual([
      'sentOn',
    ]);
    expect(
      notificationFromForm({ state: 'sent', sentOn: '2026-03-02', reason: 'x', reviewOn: 'y' }),
    ).toEqual({ state: 'sent', sentOn: '2026-03-02' });
  });

  it('needs a reason and a review date when held back', () => {
    expect(
      notificationProblems({ state: 'held_back', sentOn: '', reason: 'zu kurz', reviewOn: '' }),
    ).toEqual(['reason', 'reviewOn']);
    expect(
      notificationFromForm({
        state: 'held_back',
        sentOn: '2026-03-02',
        reason: ' Gefährdung der Ermittlungen ',
        reviewOn: '2026-06-01',
      }),
    ).toEqual({
      state: 'held_back',
      reason: 'Gefährdung der Ermittlungen',
      reviewOn: '2026-06-01',
    });
  });
});

describe('the history of a listing', () => {
  it('lists known changes in a fixed order and leaves out empty and unknown ones', () => {
    expect(
      historyChanges({
        validUntil: '2028-03-01',
        level: 3,
        secret: 'x',
        precautionsText: null,
        incidentIds: ['a'],
      }),
    ).toEqual([
      { key: 'level', value: 3 },
      { key: 'validUntil', value: '2028-03-01' },
      { key: 'incidentIds', value: ['a'] },
    ]);
  });
});
