import { ERROR_TEXTS_DE, ERROR_TEXTS_EN } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { toApiError } from './api-client';
import { ApiError } from './api-error';
import {
  type Translator,
  fieldErrorMessage,
  fieldErrorMessages,
  problemMessage,
  problemWithServerDetails,
} from './problem-message';

/** A translator over a flat dictionary with `{{name}}` interpolation. */
function translator(language: string, entries: Record<string, string>): Translator {
  return {
    language,
    exists: (key) => key in entries,
    t: (key, options = {}) =>
      (entries[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
        String(options[name] ?? ''),
      ),
  };
}

const de = translator('de', {
  'errors.auth.invalid_credentials': 'Benutzername oder Passwort ist falsch.',
  'errors.user.username_taken': 'Dieser Benutzername ist bereits vergeben.',
  'errors.unknown': 'Es ist ein Fehler aufgetreten.',
  'fieldErrors.password.too_short': 'Mindestens {{min}} Zeichen.',
  'fieldErrors.generic.required': 'Bitte füllen Sie dieses Feld aus.',
  'fieldErrors.generic.invalid': 'Ungültig.',
});

const serverText = { de: 'Vom Server.', en: 'From the server.' };

describe('problemMessage', () => {
  it('translates a known code', () => {
    const error = new ApiError({
      status: 401,
      code: 'auth.invalid_credentials',
      detail: serverText,
    });
    expect(problemMessage(error, de)).toBe('Benutzername oder Passwort ist falsch.');
  });

  it("falls back to the server's message in the active language", () => {
    const error = new ApiError({ status: 503, code: 'server.unavailable', detail: serverText });
    expect(problemMessage(error, de)).toBe('Vom Server.');
    expect(problemMessage(error, translator('en-GB', {}))).toBe('From the server.');
  });

  it('says something generic when there is neither', () => {
    const error = new ApiError({ status: 0, code: 'client.network' });
    expect(problemMessage(error, de)).toBe('Es ist ein Fehler aufgetreten.');
  });
  it('names the wait of a refused look-up, in German first and in English', async () => {
    const answer = new Response(
      JSON.stringify({
        type: 'urn:zemag:problem:lookup.rate_limited',
        title: 'Too many look-ups',
        status: 429,
        code: 'lookup.rate_limited',
        detail: serverText,
        retryAfter: 180,
      }),
      {
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '180' },
      },
    );
    const error = await toApiError(answer);
    expect(error.retryAfter?.seconds).toBe(180);
    const key = 'errors.lookup.rate_limited';
    const german = problemMessage(
      error,
      translator('de', { [key]: ERROR_TEXTS_DE['lookup.rate_limited'] }),
    );
    expect(german).toMatch(
      /^Zu viele Abfragen in kurzer Zeit\. Die nächste Abfrage ist in 3 Minuten \(um \d\d:\d\d Uhr\) möglich\./,
    );
    const english = problemMessage(
      error,
      translator('en', { [key]: ERROR_TEXTS_EN['lookup.rate_limited'] }),
    );
    expect(english).toMatch(/The next look-up is possible in 3 minutes \(at \d\d:\d\d\)\./);
  });

  it('says "in a short while" when a 429 names no wait', () => {
    const error = new ApiError({ status: 429, code: 'lookup.rate_limited' });
    const key = 'errors.lookup.rate_limited';
    expect(
      problemMessage(error, translator('de', { [key]: ERROR_TEXTS_DE['lookup.rate_limited'] })),
    ).toContain('Die nächste Abfrage ist in kurzer Zeit möglich.');
  });
});

describe('fieldErrorMessage', () => {
  const field = (name: string, code: string) => ({ field: name, code, message: serverText });

  it.each([
    ['a text for this field and code', field('password', 'too_short'), 'Mindestens 12 Zeichen.'],
    [
      'the translation of a stable error code',
      field('username', 'user.username_taken'),
      'Dieser Benutzername ist bereits vergeben.',
    ],
    [
      'a generic text for the code',
      field('displayName', 'required'),
      'Bitte füllen Sie dieses Feld aus.',
    ],
    ["the server's message", field('username', 'invalid_format'), 'Vom Server.'],
  ])('uses %s', (_, error, expected) => {
    expect(fieldErrorMessage(error, de, { min: 12 })).toBe(expected);
  });
});

describe('fieldErrorMessages', () => {
  it('keeps the first message per known field and returns the rest', () => {
    const error = new ApiError({
      status: 400,
      code: 'request.invalid',
      fieldErrors: [
        { field: 'password', code: 'too_short', message: serverText },
        { field: 'password', code: 'required', message: serverText },
        { field: 'token', code: 'too_short', message: serverText },
      ],
    });
    const { byField, unmatched } = fieldErrorMessages(error, ['username', 'password'], de, {
      min: 12,
    });
    expect(byField).toEqual({ password: 'Mindestens 12 Zeichen.' });
    expect(unmatched.map((e) => e.field)).toEqual(['token']);
  });
});

describe('problemWithServerDetails', () => {
  it('follows the sentence for the code with the server message of each field, in the UI language', () => {
    const error = new ApiError({
      status: 422,
      code: 'listing.letter_unprintable',
      detail: { de: 'Der Brief wurde nicht erstellt.', en: 'The letter was not produced.' },
      fieldErrors: [
        {
          field: 'person.familyName',
          code: 'listing.letter_unprintable',
          message: { de: 'Familienname: „김“ (U+AE40).', en: 'Family name: “김” (U+AE40).' },
        },
      ],
    });
    expect(problemWithServerDetails(error, de)).toBe(
      'Der Brief wurde nicht erstellt. Familienname: „김“ (U+AE40).',
    );
    expect(problemWithServerDetails(error, translator('en', {}))).toBe(
      'The letter was not produced. Family name: “김” (U+AE40).',
    );
  });
});
