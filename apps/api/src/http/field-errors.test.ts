import { describe, expect, it } from 'vitest';
import { fieldPath, toFieldErrors } from './field-errors.js';

describe('field errors', () => {
  it.each([
    ['/password', undefined, 'password'],
    ['/person/addresses/0/street', undefined, 'person.addresses.0.street'],
    ['/', 'body', 'body'],
    ['', 'querystring', 'querystring'],
  ])('names %j (context %s) as %s', (instancePath, context, expected) => {
    expect(fieldPath(instancePath, context)).toBe(expected);
  });

  it.each([
    [
      {
        keyword: 'invalid_type',
        instancePath: '/password',
        message: 'Invalid input: expected string, received undefined',
        params: { expected: 'string' },
      },
      'required',
      'Feld „password“ ist ein Pflichtfeld.',
      "Field 'password' is required.",
    ],
    [
      {
        keyword: 'invalid_type',
        instancePath: '/age',
        message: 'Invalid input: expected number, received string',
        params: { expected: 'number' },
      },
      'invalid_type',
      'Feld „age“ hat den falschen Typ (erwartet: number).',
      "Field 'age' has the wrong type (expected number).",
    ],
    [
      {
        keyword: 'too_small',
        instancePath: '/password',
        params: { origin: 'string', minimum: 12 },
      },
      'too_short',
      'Feld „password“ muss mindestens 12 Zeichen lang sein.',
      "Field 'password' must be at least 12 characters long.",
    ],
    [
      { keyword: 'too_small', instancePath: '/username', params: { origin: 'string', minimum: 1 } },
      'required',
      'Feld „username“ darf nicht leer sein.',
      "Field 'username' must not be empty.",
    ],
    [
      { keyword: 'too_big', instancePath: '/password', params: { origin: 'string', maximum: 128 } },
      'too_long',
      'Feld „password“ darf höchstens 128 Zeichen lang sein.',
      "Field 'password' must be at most 128 characters long.",
    ],
    [
      { keyword: 'too_big', instancePath: '/level', params: { origin: 'number', maximum: 3 } },
      'too_big',
      'Feld „level“ darf höchstens 3 sein.',
      "Field 'level' must be at most 3.",
    ],
    [
      { keyword: 'invalid_format', instancePath: '/username', params: { format: 'regex' } },
      'invalid_format',
      'Feld „username“ hat nicht das erwartete Format (regex).',
      "Field 'username' does not have the expected format (regex).",
    ],
    [
      { keyword: 'invalid_value', instancePath: '/role', params: { values: ['a'] } },
      'invalid_value',
      'Feld „role“ hat keinen der erlaubten Werte.',
      "Field 'role' is not one of the allowed values.",
    ],
    [
      { keyword: 'something_new', instancePath: '/x' },
      'invalid',
      'Feld „x“ ist ungültig.',
      "Field 'x' is invalid.",
    ],
  ])('describes %j in both languages', (issue, code, de, en) => {
    expect(toFieldErrors([issue])).toEqual([
      { field: issue.instancePath.slice(1), code, message: { de, en } },
    ]);
  });
});
