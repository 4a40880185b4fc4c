import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

const base = { NODE_ENV: 'test' as const, ZEMAG_PUBLIC_URL: 'https://zemag.stadt.de' };

describe('single sign-on settings', () => {
  it('are off unless issuer and client id are set', () => {
    expect(loadConfig(base).oidc).toBeNull();
  });

  it('have defaults and a callback on the public URL', () => {
    const { oidc } = loadConfig({
      ...base,
      ZEMAG_OIDC_ISSUER: 'https://login.stadt.de/realms/stadt',
      ZEMAG_OIDC_CLIENT_ID: 'zemag',
    });
    expect(oidc).toMatchObject({
      clientSecret: null,
      scopes: 'openid profile email',
      label: 'Mit Dienstkonto anmelden',
      usernameClaim: 'preferred_username',
      departmentClaim: null,
      groupsClaim: 'groups',
      roleGroups: null,
      createUsers: true,
      trustMfa: false,
    });
    expect(oidc?.callbackUrl.href).toBe('https://zemag.stadt.de/api/v1/sso/callback');
  });

  it.each([
    [{ ZEMAG_OIDC_CLIENT_ID: 'zemag' }, /needs both/],
    [{ ZEMAG_OIDC_ROLE_GROUPS: '{"admin":"it"}' }, /role "admin" cannot follow a group/],
    [{ ZEMAG_OIDC_ROLE_GROUPS: '{"field":' }, /must be JSON/],
    [{ ZEMAG_OIDC_ROLE_GROUPS: '{"field":[]}' }, /group name or a list/],
    [{ ZEMAG_OIDC_SCOPES: 'profile' }, /must include openid/],
    [{ NODE_ENV: 'production', ZEMAG_OIDC_ISSUER: 'http://login.stadt.de' }, /https:\/\/ identity/],
  ])('refuse %j', (env, message) => {
    const full = {
      ...base,
      ZEMAG_OIDC_ISSUER: 'https://login.stadt.de',
      ZEMAG_OIDC_CLIENT_ID: 'zemag',
      ZEMAG_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      ...env,
    };
    const run = () =>
      loadConfig(
        'ZEMAG_OIDC_CLIENT_ID' in env && !('ZEMAG_OIDC_ISSUER' in env)
          ? { ...full, ZEMAG_OIDC_ISSUER: undefined }
          : full,
      );
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });

  it('read role groups as one name or a list', () => {
    const { oidc } = loadConfig({
      ...base,
      ZEMAG_OIDC_ISSUER: 'https://login.stadt.de',
      ZEMAG_OIDC_CLIENT_ID: 'zemag',
      ZEMAG_OIDC_ROLE_GROUPS:
        '{"field":"aussendienst","control_room":["leitstelle","lagezentrum"]}',
      ZEMAG_OIDC_CREATE_USERS: 'false',
      ZEMAG_OIDC_TRUST_MFA: 'true',
    });
    expect(oidc).toMatchObject({
      roleGroups: { field: ['aussendienst'], control_room: ['leitstelle', 'lagezentrum'] },
      createUsers: false,
      trustMfa: true,
    });
  });
});
