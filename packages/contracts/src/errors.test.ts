import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS_DE } from './errors.de.js';
import { ERROR_TEXTS_EN } from './errors.en.js';
import { ERROR_TITLES } from './errors.titles.js';
import { ERROR_CODES } from './errors.js';

describe('error texts', () => {
  it.each([
    ['German text', ERROR_TEXTS_DE],
    ['English text', ERROR_TEXTS_EN],
    ['title', ERROR_TITLES],
  ])('every error code has a %s and nothing else does', (_, texts) => {
    const blank = ERROR_CODES.filter((code) => !texts[code]?.trim());
    expect(blank).toEqual([]);
    expect(Object.keys(texts).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('every code is listed once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('the German text is not the English one', () => {
    const untranslated = ERROR_CODES.filter(
      (code) => ERROR_TEXTS_DE[code] === ERROR_TEXTS_EN[code],
    );
    expect(untranslated).toEqual([]);
  });
});
