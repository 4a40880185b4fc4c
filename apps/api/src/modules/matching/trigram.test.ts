import { describe, expect, it } from 'vitest';
import { trigramSimilarity, trigrams } from './trigram.js';

describe('pg_trgm similarity', () => {
  it('pads every word with two spaces before and one after', () => {
    expect([...trigrams('Meyer')].sort()).toEqual(['  m', ' me', 'er ', 'eye', 'mey', 'yer']);
    expect([...trigrams('a')].sort()).toEqual(['  a', ' a ']);
    expect([...trigrams('ab-cd')].sort()).toEqual(['  a', '  c', ' ab', ' cd', 'ab ', 'cd ']);
  });

  it('is a set: repeated trigrams count once', () => {
    expect(trigrams('aaaa').size).toBe(4); // "  a", " aa", "aaa", "aa "
  });

  // Values checked against PostgreSQL 15.20 with pg_trgm: SELECT similarity(a, b).
  it.each([
    ['word', 'word', 1],
    ['word', 'Word', 1],
    ['meier', 'meyer', 3 / 9],
    ['schmidt', 'schmitt', 5 / 11],
    ['müller', 'muller', 4 / 10],
    ['ab-cd', 'cd ab', 1],
    ['Müller-Lüdenscheidt', 'mueller', 1 / 6],
    ['mohamed', 'muhammad', 2 / 15],
    ['x', 'x y z', 1 / 3],
    ['abc', '', 0],
    ['', '', 0],
  ])('similarity(%s, %s) = %f', (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 6);
  });
});
