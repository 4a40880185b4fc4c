import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvFile } from '../../test-support/csv.js';
import { sharedDataFile } from '../../test-support/shared-data.js';
import { koelnerPhonetik, koelnerPhonetikWord } from './koelner-phonetik.js';

const testdata = (file: string) => path.join(import.meta.dirname, 'testdata', file);

describe('Kölner Phonetik (strict Postel convention)', () => {
  // testdata/strict_vectors.csv: where abydos and pprl_core (both strict) agree; see testdata/README.md.
  const strict = readCsvFile(testdata('strict_vectors.csv'));

  it('reads all 293 strict vectors', () => {
    expect(strict).toHaveLength(293);
  });

  it.each(strict.map((row) => [row.input ?? '', row.expected ?? '']))(
    '%s → %s',
    (input, expected) => {
      expect(koelnerPhonetikWord(input)).toBe(expected);
    },
  );

  it.each([
    ['Müller-Lüdenscheidt', '657 52682'],
    ['Müller Lüdenscheidt', '657 52682'],
    ['Heinz Classen', '068 4586'],
    ['  Meyer  ', '67'],
    ['Yılmaz', '0568'],
    ['Yilmaz', '0568'],
    ['Łukasz', '548'],
    ['Lukasz', '548'],
    ['Søren', '876'],
    ['Çelik', '854'],
    ['Şahin', '86'],
    ["O'Brien", '0176'],
    ['H', ''],
    ['', ''],
  ])('a name gets one code per word: %s → "%s"', (input, expected) => {
    expect(koelnerPhonetik(input)).toBe(expected);
  });

  it('gives the same code to the pairs asserted to sound the same, and different codes otherwise', () => {
    const pairs = readCsvFile(testdata('cologne_equal_pairs.csv'));
    for (const pair of pairs) {
      const same = koelnerPhonetik(pair.a ?? '') === koelnerPhonetik(pair.b ?? '');
      expect(same, `${pair.a} / ${pair.b}`).toBe(pair.relation === 'same_code');
    }
  });
});

describe('agreement with the other implementations (measured, not asserted)', () => {
  it('reports per source how many published expectations our strict code reproduces', () => {
    const rows = parseCsv(sharedDataFile('phonetics/cologne_vectors.csv'));
    expect(rows.length).toBeGreaterThan(500);
    const bySource = new Map<string, { total: number; agree: number }>();
    for (const row of rows) {
      const source = row.source ?? '';
      const stat = bySource.get(source) ?? { total: 0, agree: 0 };
      stat.total++;
      const ours = koelnerPhonetik(row.input ?? '');
      // Sources that code a whole multi-word string as one word are compared without spaces.
      const expected = row.expected ?? '';
      if (ours === expected || (!expected.includes(' ') && ours.replace(/ /g, '') === expected)) {
        stat.agree++;
      }
      bySource.set(source, stat);
    }
    const report = [...bySource]
      .map(([source, { total, agree }]) => ({
        source,
        total,
        agree,
        rate: Number((agree / total).toFixed(3)),
      }))
      .sort((a, b) => b.rate - a.rate);
    console.info(JSON.stringify(report, null, 1));
    // The strict implementations must agree fully on single words.
    for (const source of ['abydos', 'pprl_core']) {
      const strictRows = rows.filter((r) => r.source === source && !/[\s-]/.test(r.input ?? ''));
      for (const row of strictRows) {
        expect(koelnerPhonetikWord(row.input ?? ''), `${source}: ${row.input}`).toBe(row.expected);
      }
    }
  });
});
