import { PASSWORD_MIN_LENGTH } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { SETUP_FIELDS, firstProblemField, validateSetup } from './setup.validation';

const good = {
  displayName: 'Kim Muster',
  username: 'kim.muster',
  password: 'ein langer Satz als Passwort',
  passwordRepeat: 'ein langer Satz als Passwort',
};

describe('validateSetup', () => {
  it('accepts a complete form', () => {
    expect(validateSetup(good)).toEqual({});
  });

  it('asks for every empty field', () => {
    expect(
      validateSetup({ displayName: ' ', username: '', password: '', passwordRepeat: '' }),
    ).toEqual({
      displayName: 'generic.required',
      username: 'generic.required',
      password: 'generic.required',
      passwordRepeat: 'generic.required',
    });
  });

  it(`wants a password of at least ${PASSWORD_MIN_LENGTH} characters`, () => {
    const short = 'x'.repeat(PASSWORD_MIN_LENGTH - 1);
    expect(validateSetup({ ...good, password: short, passwordRepeat: short })).toEqual({
      password: 'password.too_short',
    });
  });

  it('notices when the repeated password differs', () => {
    expect(validateSetup({ ...good, passwordRepeat: `${good.password}!` })).toEqual({
      passwordRepeat: 'passwordRepeat.mismatch',
    });
  });
});

describe('firstProblemField', () => {
  it('follows the order of the form', () => {
    expect(firstProblemField({ passwordRepeat: 'x', username: 'y' }, SETUP_FIELDS)).toBe(
      'username',
    );
    expect(firstProblemField({}, SETUP_FIELDS)).toBeUndefined();
  });
});
