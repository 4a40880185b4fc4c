import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { DEFAULT_LEGAL_BASIS } from './records.settings.js';

const legalBasis = (value?: string) =>
  loadConfig({
    NODE_ENV: 'test',
    ...(value === undefined ? {} : { ZEMAG_RECORDS_LEGAL_BASIS: value }),
  }).records;

describe('ZEMAG_RECORDS_LEGAL_BASIS', () => {
  it('defaults to the usual bases, marked as the shipped text', () => {
    expect(legalBasis()).toEqual({ legalBasis: DEFAULT_LEGAL_BASIS, legalBasisIsDefault: true });
    expect(legalBasis('  ').legalBasisIsDefault).toBe(true);
    expect(DEFAULT_LEGAL_BASIS.join(' ')).toMatch(
      /Art\. 6 Abs\. 1 Buchst\. c und e DSGVO.*§ 618 BGB, § 3 ArbSchG/,
    );
  });

  it('takes paragraphs separated by | as the city words them', () => {
    expect(legalBasis(' § 1 DSG NRW |\n| Art. 6  Abs. 1 DSGVO ')).toEqual({
      legalBasis: ['§ 1 DSG NRW', 'Art. 6 Abs. 1 DSGVO'],
      legalBasisIsDefault: false,
    });
  });

  it('refuses control characters, too many and too long paragraphs, naming the setting', () => {
    for (const value of ['a\u0000b', Array(13).fill('x').join('|'), 'x'.repeat(1001)]) {
      expect(() => legalBasis(value)).toThrow(/ZEMAG_RECORDS_LEGAL_BASIS: /);
    }
  });
});
