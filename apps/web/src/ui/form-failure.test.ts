import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import type { Translator } from '../api/problem-message';
import { formFailure } from './form-failure';

const tr: Translator = {
  language: 'de',
  exists: (key) => key in texts,
  t: (key) => texts[key] ?? key,
};
const texts: Record<string, string> = {
  'errors.request.invalid': 'Bitte prüfen Sie die markierten Felder.',
  'errors.department.code_taken': 'Kürzel vergeben.',
  'fieldErrors.generic.required': 'Pflichtfeld.',
};
const message = { de: 'Server', en: 'Server' };

describe('formFailure', () => {
  it('puts field errors under their fields and links them from the summary', () => {
    const error = new ApiError({
      status: 400,
      code: 'request.invalid',
      fieldErrors: [{ field: 'name', code: 'required', message }],
    });
    const failure = formFailure(error, ['code', 'name'] as const, tr, {
      idPrefix: 'dep-',
      labels: { name: 'Bezeichnung' },
    });
    expect(failure.byField).toEqual({ name: 'Pflichtfeld.' });
    expect(failure.summary).toEqual([{ id: 'dep-name', text: 'Bezeichnung: Pflichtfeld.' }]);
    expect(failure.message).toBe('Bitte prüfen Sie die markierten Felder.');
  });

  it('shows a conflict on the field it is about', () => {
    const error = new ApiError({ status: 409, code: 'department.code_taken', detail: message });
    const failure = formFailure(error, ['code', 'name'] as const, tr, {
      codeFields: { 'department.code_taken': 'code' },
    });
    expect(failure.byField).toEqual({ code: 'Kürzel vergeben.' });
    expect(failure.summary).toEqual([{ id: 'code', text: 'Kürzel vergeben.' }]);
  });

  it('keeps a problem about no field for the summary sentence only', () => {
    const error = new ApiError({ status: 403, code: 'auth.forbidden', detail: message });
    const failure = formFailure(error, ['code'] as const, tr);
    expect(failure.summary).toEqual([]);
    expect(failure.message).toBe('Server');
  });
});
