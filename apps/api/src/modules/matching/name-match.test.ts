import { describe, expect, it } from 'vitest';
import { compareNames, editDistance, prepareName } from './name-match.js';

const compare = (a: string, b: string, options = {}) =>
  compareNames(prepareName(a), prepareName(b), options);

describe('name comparison', () => {
  it.each([
    ['Müller', 'Mueller', 'exact'],
    ['Müller', 'Muller', 'spelling'],
    ['Meyer', 'Maier', 'phonetic'],
    ['Mohamed', 'Muhammad', 'phonetic'],
    ['Schneider', 'Schnieder', 'phonetic'],
    ['Kowalczyk', 'Kowalcyzk', 'similar'],
    ['Müller', 'Müller-Lüdenscheidt', 'part'],
    ['Schmidt', 'Kowalski', 'different'],
  ])('%s / %s: %s', (a, b, agreement) => {
    expect(compare(a, b).agreement).toBe(agreement);
  });

  it('a double name matches in either order and written as one word', () => {
    expect(compare('Lüdenscheidt-Müller', 'Müller Lüdenscheidt').score).toBe(1);
    expect(compare('Müllerlüdenscheidt', 'Müller-Lüdenscheidt').score).toBeGreaterThan(0.9);
  });

  it('given names match any of several and initials when asked to', () => {
    expect(compare('Maria', 'Anna Maria', { anyOf: true }).score).toBe(1);
    expect(compare('A', 'Anna', { allowInitials: true }).agreement).toBe('initial');
    expect(compare('A', 'Anna').agreement).toBe('different');
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('schmidt', 'schmitd')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
