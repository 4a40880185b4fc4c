import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { testAuditKeyFile, testDataKeyFile } from './test-support/audit-key.js';

const production = {
  NODE_ENV: 'production',
  ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
  ZEMAG_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  ZEMAG_AUDIT_SIGNING_KEY_FILE: testAuditKeyFile(),
  ZEMAG_DATA_KEY_FILE: testDataKeyFile(),
};

describe('demo mode setting (ZEMAG_DEMO)', () => {
  it('is off by default and keeps the second-factor roles', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(false);
    expect(config.mfa.requiredRoles).toEqual([
      'field',
      'registrar',
      'dpo',
      'control_room',
      'admin',
    ]);
  });

  it.each(['1', 'true'])(
    'is switched on with ZEMAG_DEMO=%s and then needs no second factor',
    (v) => {
      const config = loadConfig({ ZEMAG_DEMO: v });
      expect(config.demo).toBe(true);
      expect(config.mfa.requiredRoles).toEqual([]);
    },
  );

  it('keeps second-factor roles that are named explicitly in demo mode', () => {
    const config = loadConfig({ ZEMAG_DEMO: '1', ZEMAG_MFA_REQUIRED_ROLES: 'admin' });
    expect(config.mfa.requiredRoles).toEqual(['admin']);
  });

  it('is refused in production, listed with the other problems', () => {
    expect(() => loadConfig({ ...production, ZEMAG_DEMO: '1' })).toThrow(ConfigError);
    const problems = (() => {
      try {
        loadConfig({ ...production, ZEMAG_DEMO: 'true', LOG_LEVEL: 'trace' });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(problems).toEqual([
      'LOG_LEVEL: debug and trace are not allowed in production',
      'ZEMAG_DEMO: demo mode (one-click sign-in, no second factor) is not allowed in production',
    ]);
    expect(loadConfig({ ...production, ZEMAG_DEMO: '0' }).demo).toBe(false);
  });

  it('refuses a value that is not a yes or no', () => {
    expect(() => loadConfig({ ZEMAG_DEMO: 'yes' })).toThrow(/ZEMAG_DEMO/);
  });
});
