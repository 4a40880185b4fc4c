import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

/** The problems a start with these settings reports, one per line. */
function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig({ NODE_ENV: 'test', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
}

describe('look-up rate limit settings', () => {
  it('defaults to 200 in a row and 30 an hour', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).lookupLimit).toEqual({ burst: 200, perHour: 30 });
  });

  it('takes whole numbers', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      ZEMAG_LOOKUP_RATE_BURST: ' 150 ',
      ZEMAG_LOOKUP_RATE_PER_HOUR: '12',
    });
    expect(config.lookupLimit).toEqual({ burst: 150, perHour: 12 });
  });

  it.each([
    [{ ZEMAG_LOOKUP_RATE_BURST: 'zehn' }, 'ZEMAG_LOOKUP_RATE_BURST: must be a whole number'],
    [{ ZEMAG_LOOKUP_RATE_BURST: '1.5' }, 'ZEMAG_LOOKUP_RATE_BURST: must be a whole number'],
    [{ ZEMAG_LOOKUP_RATE_BURST: '-5' }, 'ZEMAG_LOOKUP_RATE_BURST: must be a whole number'],
    [
      { ZEMAG_LOOKUP_RATE_BURST: '50' },
      'ZEMAG_LOOKUP_RATE_BURST: must be at least 100 (a visit list of 100 entries must fit',
    ],
    [{ ZEMAG_LOOKUP_RATE_BURST: '1000000' }, 'ZEMAG_LOOKUP_RATE_BURST: must be at most 100000'],
    [
      { ZEMAG_LOOKUP_RATE_PER_HOUR: '0' },
      'ZEMAG_LOOKUP_RATE_PER_HOUR: must be at least 1 (spent look-ups must come back)',
    ],
    [{ ZEMAG_LOOKUP_RATE_PER_HOUR: '1e3' }, 'ZEMAG_LOOKUP_RATE_PER_HOUR: must be a whole number'],
  ])('%o stops the start: "%s"', (env, message) => {
    expect(problemsOf(env)).toContain(message);
  });

  it('names both settings when both are wrong', () => {
    const problems = problemsOf({
      ZEMAG_LOOKUP_RATE_BURST: '10',
      ZEMAG_LOOKUP_RATE_PER_HOUR: 'viele',
    });
    expect(problems).toMatch(/ZEMAG_LOOKUP_RATE_BURST.*\n.*ZEMAG_LOOKUP_RATE_PER_HOUR/);
  });

  it('can be switched off for load tests, but not in production', () => {
    expect(loadConfig({ NODE_ENV: 'test', ZEMAG_LOOKUP_RATE_BURST: 'off' }).lookupLimit).toBe(null);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
        ZEMAG_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
        ZEMAG_LOOKUP_RATE_BURST: 'off',
      }),
    ).toThrow(/ZEMAG_LOOKUP_RATE_BURST: off \(no limit on look-ups\) is not allowed in production/);
  });
});
