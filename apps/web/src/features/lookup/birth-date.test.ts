import { describe, expect, it } from 'vitest';
import { formatBirthDate, parseBirthDate } from './birth-date';

const TODAY = '2026-11-27';

describe('a typed date of birth', () => {
  it.each([
    ['17.05.1980', '1980-05-17'],
    ['17.5.1980', '1980-05-17'],
    ['1.2.1980', '1980-02-01'],
    [' 17. 05. 1980 ', '1980-05-17'],
    ['17/05/1980', '1980-05-17'],
    ['05.1980', '1980-05'],
    ['5/1980', '1980-05'],
    ['1980', '1980'],
    ['1980-05-17', '1980-05-17'],
    ['1980-05', '1980-05'],
    ['29.02.2000', '2000-02-29'],
    ['2026', '2026'],
    ['11.2026', '2026-11'],
    ['27.11.2026', '2026-11-27'],
  ])('%s is read as %s', (input, expected) => {
    expect(parseBirthDate(input, TODAY)).toEqual({ kind: 'date', value: expected });
  });

  it('is empty when nothing is typed', () => {
    expect(parseBirthDate('  ', TODAY)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['17.05.80', 'format'],
    ['Mai 1980', 'format'],
    ['80', 'format'],
    ['17-05-1980', 'format'],
    ['31.04.1980', 'no_such_day'],
    ['29.02.1981', 'no_such_day'],
    ['13.1980', 'no_such_day'],
    ['00.01.1980', 'no_such_day'],
    ['28.11.2026', 'in_future'],
    ['12.2026', 'in_future'],
    ['2027', 'in_future'],
    ['1899', 'too_old'],
  ])('%s is refused (%s)', (input, reason) => {
    expect(parseBirthDate(input, TODAY)).toEqual({ kind: 'invalid', reason });
  });
});

describe('a date of birth shown', () => {
  it.each([
    ['1980-05-17', 'de', '17.05.1980'],
    ['1980-05', 'de', '05.1980'],
    ['1980', 'de', '1980'],
    ['1980-05-17', 'en', '17/05/1980'],
    ['unknown', 'de', 'unknown'],
  ])('%s in %s reads %s', (value, language, expected) => {
    expect(formatBirthDate(value, language)).toBe(expected);
  });
});
