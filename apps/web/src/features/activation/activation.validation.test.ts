import { describe, expect, it } from 'vitest';
import { validateActivation } from './activation.validation';

describe('activation form checks', () => {
  it('names each empty, short or mismatching field', () => {
    expect(validateActivation({ password: '', passwordRepeat: '' })).toEqual({
      password: 'generic.required',
      passwordRepeat: 'generic.required',
    });
    expect(validateActivation({ password: 'kurz', passwordRepeat: 'kurz' })).toEqual({
      password: 'password.too_short',
    });
    expect(
      validateActivation({ password: 'ein langes Passwort', passwordRepeat: 'ein anderes' }),
    ).toEqual({ passwordRepeat: 'passwordRepeat.mismatch' });
    expect(
      validateActivation({
        password: 'ein langes Passwort',
        passwordRepeat: 'ein langes Passwort',
      }),
    ).toEqual({});
  });
});
