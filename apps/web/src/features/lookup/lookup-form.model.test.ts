import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { Translator } from '../../api/problem-message';
import {
  type LookupDraft,
  emptyLookupDraft,
  failureOf,
  formFieldOf,
  problemText,
  toLookupRequest,
} from './lookup-form.model';

const TODAY = '2026-11-27';
const PURPOSE = { fileNumber: ' OA-2026/0815 ', reason: 'home_visit' };
const draft = (patch: Partial<LookupDraft>): LookupDraft => ({
  ...emptyLookupDraft(),
  ...PURPOSE,
  ...patch,
});

describe('the look-up form', () => {
  it('sends a name with a German date of birth as an ISO date and the purpose trimmed', () => {
    expect(
      toLookupRequest(
        draft({ familyName: ' Maier ', givenNames: 'Hans', dateOfBirth: '12.3.1975' }),
        TODAY,
      ),
    ).toEqual({
      request: {
        familyName: 'Maier',
        givenNames: 'Hans',
        dateOfBirth: '1975-03-12',
        purpose: { fileNumber: 'OA-2026/0815', reason: 'home_visit' },
      },
      problems: [],
    });
  });

  it('sends a year of birth alone and leaves empty fields out', () => {
    const { request } = toLookupRequest(draft({ familyName: 'Novak', dateOfBirth: '1985' }), TODAY);
    expect(request).toEqual({
      familyName: 'Novak',
      dateOfBirth: '1985',
      purpose: expect.anything(),
    });
  });

  it('takes an address without a name', () => {
    const { request } = toLookupRequest(
      draft({ street: 'Bahnhofstr.', houseNumber: '7 a', postalCode: '12345' }),
      TODAY,
    );
    expect(request).toMatchObject({
      address: { street: 'Bahnhofstr.', houseNumber: '7 a', postalCode: '12345' },
    });
    expect(request).not.toHaveProperty('familyName');
  });

  it('needs a purpose, and a family name or a street', () => {
    expect(toLookupRequest(emptyLookupDraft(), TODAY).problems).toEqual([
      { field: 'fileNumber', code: 'required' },
      { field: 'reason', code: 'required' },
      { field: 'familyName', code: 'name_or_street' },
    ]);
  });

  it('asks for the street when only a house number or city is given', () => {
    expect(toLookupRequest(draft({ familyName: 'X', city: 'Köln' }), TODAY).problems).toEqual([
      { field: 'street', code: 'required' },
    ]);
  });

  it('names a date it cannot read and a postal code that is not five digits', () => {
    expect(
      toLookupRequest(
        draft({ familyName: 'Meyer', dateOfBirth: '31.04.1980', street: 'A', postalCode: '5066' }),
        TODAY,
      ).problems,
    ).toEqual([
      { field: 'dateOfBirth', code: 'no_such_day' },
      { field: 'postalCode', code: 'invalid_format' },
    ]);
  });
});

const tr = (known: Record<string, string>, language = 'de'): Translator => ({
  language,
  exists: (key) => key in known,
  t: (key) => known[key] ?? key,
});

describe('problems from the server', () => {
  it('maps the paths of the request to the form fields', () => {
    expect(formFieldOf('purpose.fileNumber')).toBe('fileNumber');
    expect(formFieldOf('address.postalCode')).toBe('postalCode');
    expect(formFieldOf('familyName')).toBe('familyName');
    expect(formFieldOf('body')).toBeUndefined();
  });

  it('shows a field error at its field, and a problem without a field as a sentence', () => {
    const unknownReason = new ApiError({
      status: 400,
      code: 'lookup.reason_unknown',
      fieldErrors: [
        {
          field: 'purpose.reason',
          code: 'lookup.reason_unknown',
          message: { de: 'Grund unbekannt', en: 'Unknown reason' },
        },
      ],
    });
    const texts = tr({ 'errors.lookup.reason_unknown': 'Bitte einen Grund aus der Liste.' });
    const failure = failureOf(unknownReason, texts);
    expect(failure.message).toBeNull();
    expect(failure.problems.map((p) => [p.field, problemText(p, texts)])).toEqual([
      ['reason', 'Bitte einen Grund aus der Liste.'],
    ]);
    const offline = failureOf(
      new ApiError({ status: 0, code: 'client.network' }),
      tr({ 'errors.client.network': 'Keine Verbindung.' }),
    );
    expect(offline).toEqual({ problems: [], message: 'Keine Verbindung.' });
  });

  it('prefers the look-up text for a field, and falls back to the server message', () => {
    const texts = tr({ 'lookup.fieldErrors.postalCode.invalid_format': 'Fünf Ziffern.' });
    expect(problemText({ field: 'postalCode', code: 'invalid_format' }, texts)).toBe(
      'Fünf Ziffern.',
    );
    expect(
      problemText(
        { field: 'city', code: 'too_long', message: { de: 'zu lang', en: 'too long' } },
        tr({}, 'en'),
      ),
    ).toBe('too long');
  });
});
