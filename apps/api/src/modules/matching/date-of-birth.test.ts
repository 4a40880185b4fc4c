import { describe, expect, it } from 'vitest';
import {
  compareDates,
  formatPartialDate,
  parsePartialDate,
  type PartialDate,
} from './date-of-birth.js';

const d = (text: string): PartialDate => {
  const date = parsePartialDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
};

describe('partial dates of birth', () => {
  it.each([
    ['1980-05-17', '1980-05-17'],
    ['19800517', '1980-05-17'],
    ['17.05.1980', '1980-05-17'],
    ['7.5.1980', '1980-05-07'],
    ['1980-05', '1980-05'],
    ['05.1980', '1980-05'],
    ['1980', '1980'],
    ['', ''],
    ['unbekannt', ''],
  ])('%s is read as "%s"', (text, formatted) => {
    expect(formatPartialDate(d(text))).toBe(formatted);
  });

  it.each(['31.02.1980', '1980-13-01', '17.05.80', 'gestern', '0000-01-01', '1980-00'])(
    '%s is refused',
    (text) => {
      expect(parsePartialDate(text)).toBeUndefined();
    },
  );
});

describe('date of birth tolerance', () => {
  it.each([
    ['1980-05-17', '1980-05-17', 'exact'],
    ['1980-05-12', '1980-12-05', 'swapped'],
    ['1980-05-17', '1980-05-18', 'one_digit'],
    ['1980-05-17', '1990-05-17', 'one_digit'],
    ['1989-05-17', '1998-05-17', 'transposed_digits'],
    ['1980-05-13', '1980-05-31', 'transposed_digits'],
    ['1980-05-17', '1981-05-17', 'one_digit'],
    ['1979-05-17', '1980-05-17', 'year_off_by_one'],
    ['1980', '1980-05-17', 'compatible'],
    ['1980-05', '1980-05-17', 'compatible'],
    ['1980-05-17', '1980', 'compatible'],
    ['1981', '1980-05-17', 'year_off_by_one'],
    ['1980-12', '1980-05-12', 'swapped'],
    ['1980-06', '1980-05-17', 'different'],
    ['', '1980-05-17', 'unknown'],
    ['1980-05-17', '', 'unknown'],
    ['1980-05-17', '1975-11-02', 'different'],
    ['1985', '1980-05-17', 'different'],
  ])('asked %s, stored %s: %s', (asked, stored, agreement) => {
    expect(compareDates(d(asked), d(stored))).toBe(agreement);
  });
});
