import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../test-support/csv.js';
import {
  foldName,
  foldedTokens,
  nameTokens,
  significantTokens,
  transliterate,
} from './normalise.js';

describe('transliteration', () => {
  it.each([
    ['Müller', 'mueller'],
    ['MÜLLER', 'mueller'],
    ['Straße', 'strasse'],
    ['Yılmaz', 'yilmaz'],
    ['YILMAZ', 'yilmaz'],
    ['İnce', 'ince'],
    ['Şahin Çelik', 'sahin celik'],
    ['Doğan', 'dogan'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ['Søren Kierkegaard', 'soeren kierkegaard'],
    ['Ærø', 'aeroe'],
    ['Đorđević', 'dordevic'],
    ['José-María  Núñez', 'jose maria nunez'],
    ["O'Brien", 'obrien'],
    ['D’Angelo', 'dangelo'],
    ['Иванов', 'ivanov'],
    ['Сергей Жуков', 'sergey zhukov'],
    ['  von   der Leyen ', 'von der leyen'],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it('splits double names into words', () => {
    expect(nameTokens('Müller-Lüdenscheidt')).toEqual(['mueller', 'luedenscheidt']);
    expect(nameTokens('Schmidt - Meier')).toEqual(['schmidt', 'meier']);
    expect(nameTokens('')).toEqual([]);
    expect(nameTokens(' - ')).toEqual([]);
  });

  it('leaves particles out of the significant words unless nothing else is left', () => {
    expect(significantTokens(nameTokens('von der Leyen'))).toEqual(['leyen']);
    expect(significantTokens(nameTokens('al-Hassan'))).toEqual(['hassan']);
    expect(significantTokens(nameTokens('Van'))).toEqual(['van']);
  });
});

describe('folding for trigram comparison', () => {
  it.each([
    ['Müller', 'Mueller', 'Muller'],
    ['Schröder', 'Schroeder', 'Schroder'],
    ['Jürgen', 'Juergen', 'Jurgen'],
    ['Bäcker', 'Baecker', 'Backer'],
    ['Strauß', 'Strauss', 'STRAUSS'],
    ['Yılmaz', 'Yilmaz', 'YILMAZ'],
    ['Søren', 'Soeren', 'Soren'],
  ])('%s, %s and %s fold to the same text', (a, b, c) => {
    expect(foldName(b)).toBe(foldName(a));
    expect(foldName(c)).toBe(foldName(a));
  });

  it('does not fold a vowel pair that is not an umlaut', () => {
    expect(foldName('Bauer')).toBe('bauer');
    expect(foldName('Quelle')).toBe('quelle');
    expect(foldName('Feuer')).toBe('feuer');
  });

  it('keeps the words of a double name', () => {
    expect(foldedTokens('Müller-Lüdenscheidt')).toEqual(['muller', 'ludenscheidt']);
  });
});

describe('transliteration vectors of sindresorhus/transliterate (Latin and Cyrillic scripts)', () => {
  // testdata/translit_vectors_sindresorhus.csv (MIT). The library keeps case and punctuation
  // and has locale options; we compare folded forms, which is what matching uses.
  const rows = readCsvFile(
    path.join(import.meta.dirname, 'testdata', 'translit_vectors_sindresorhus.csv'),
  );
  const relevant = rows.filter(
    (row) =>
      row.options === '' &&
      /^(main|supports (German|Turkish|Polish|Latin|Czech|Latvian|Lithuanian|Romanian|Vietnamese|Russian))/.test(
        row.test ?? '',
      ),
  );

  it.each(relevant.map((row) => [row.input ?? '', row.expected ?? '']))(
    '%s ≈ %s',
    (input, expected) => {
      expect(foldName(input)).toBe(foldName(expected));
    },
  );
});

describe('compatibility forms and look-alike letters of other scripts', () => {
  it.each([
    ['Ｍüller', 'Müller', 'fullwidth M'],
    ['ＭＵＥＬＬＥＲ', 'Mueller', 'fullwidth capitals'],
    ['Мüller', 'Müller', 'Cyrillic М in a Latin word'],
    ['Рaul Ѕchmidt', 'Paul Schmidt', 'Cyrillic Р and Ѕ'],
    ['Sсhröder', 'Schröder', 'Cyrillic small с'],
    ['Μüller', 'Müller', 'Greek Μ'],
    ['ΑΝΝΑ', 'Anna', 'Greek capitals only'],
    ['Κοch', 'Koch', 'Greek Κ and ο'],
    ['Іvanova', 'Ivanova', 'Cyrillic І in a Latin word'],
    ['Schäﬀer', 'Schäffer', 'ff ligature'],
    ['Mu\u0308ller', 'Müller', 'decomposed umlaut'],
  ])('folds %s like %s (%s)', (typed, stored) => {
    expect(foldName(typed)).toBe(foldName(stored));
    expect(nameTokens(typed)).toEqual(nameTokens(stored));
  });

  it('keeps a name written all in Cyrillic in its transliteration', () => {
    expect(transliterate('Роман Сергеевич')).toBe('roman sergeevich');
    expect(transliterate('Мюллер')).toBe('myuller');
  });
});
