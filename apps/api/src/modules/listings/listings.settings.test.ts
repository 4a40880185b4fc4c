import { describe, expect, it } from 'vitest';
import { readListingSettings } from './listings.settings.js';

describe('readListingSettings', () => {
  it('uses the German default catalogue', () => {
    const problems: string[] = [];
    const settings = readListingSettings({ ZEMAG_LISTING_VALIDITY_MONTHS: 24 }, problems);
    expect(problems).toEqual([]);
    expect(settings.validityMonths).toBe(24);
    expect(settings.precautions.map((p) => p.de)).toContain('Nur zu zweit');
  });

  it('takes a city catalogue as JSON and names what is wrong with a bad one', () => {
    const ok: string[] = [];
    const custom = readListingSettings(
      {
        ZEMAG_LISTING_VALIDITY_MONTHS: 12,
        ZEMAG_PRECAUTIONS: '[{"code":"ksd","de":"KSD informieren","en":"Inform KSD"}]',
      },
      ok,
    );
    expect(ok).toEqual([]);
    expect(custom.precautions).toEqual([{ code: 'ksd', de: 'KSD informieren', en: 'Inform KSD' }]);
    const problems: string[] = [];
    readListingSettings({ ZEMAG_LISTING_VALIDITY_MONTHS: 12, ZEMAG_PRECAUTIONS: '[{' }, problems);
    readListingSettings(
      {
        ZEMAG_LISTING_VALIDITY_MONTHS: 12,
        ZEMAG_PRECAUTIONS: '[{"code":"A B","de":"x","en":"y"}]',
      },
      problems,
    );
    expect(problems).toEqual([
      'ZEMAG_PRECAUTIONS: not valid JSON',
      expect.stringMatching(/^ZEMAG_PRECAUTIONS: 0\.code/),
    ]);
  });
});
