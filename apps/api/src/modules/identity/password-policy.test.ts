import { describe, expect, it } from 'vitest';
import { refusePassword } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['qwerty123456', 'password.too_common'],
    ['1qaz2wsx3edc', 'password.too_common'],
    ['Password2024!!', 'password.too_common'],
    ['!!dragon123456', 'password.too_common'],
    ['aaaaaaaaaaaa', 'password.too_common'],
    ['abababababab', 'password.too_common'],
    ['abcdefghijklmn', 'password.too_common'],
    ['987654321098', 'password.too_common'],
    ['mein Hund heißt Bello und bellt', null],
    ['correct horse battery staple', null],
    ['Z!7kq#Lm2@pR', null],
  ])('%j → %s', (password, expected) => {
    expect(refusePassword(password)).toBe(expected);
  });

  it('refuses a password that contains the user name, in any case', () => {
    expect(refusePassword('Ich bin Kim.Muster aus Köln', { username: 'kim.muster' })).toBe(
      'password.contains_username',
    );
    expect(refusePassword('Ich bin jemand aus Köln', { username: 'kim.muster' })).toBeNull();
  });
});
