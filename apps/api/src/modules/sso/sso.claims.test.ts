import { describe, expect, it } from 'vitest';
import { mapClaims, planRoleSync, rolesFromGroups, trustedSecondFactor } from './sso.claims.js';

const settings = {
  usernameClaim: 'preferred_username',
  departmentClaim: 'department',
  groupsClaim: 'groups',
};

describe('claim mapping', () => {
  it('maps subject, lower-cased user name, name, department and groups', () => {
    expect(
      mapClaims(
        {
          sub: 'abc-123',
          preferred_username: 'Anna.Schmidt',
          name: 'Anna Schmidt',
          department: '32-1',
          groups: ['zemag-aussendienst', 42],
          amr: ['pwd', 'otp'],
        },
        settings,
      ),
    ).toEqual({
      identity: {
        subject: 'abc-123',
        username: 'anna.schmidt',
        displayName: 'Anna Schmidt',
        departmentCode: '32-1',
        groups: ['zemag-aussendienst'],
        amr: ['pwd', 'otp'],
      },
    });
  });

  it.each([
    [{ preferred_username: 'anna', department: '32' }, 'sub'],
    [{ sub: 'x', department: '32' }, 'preferred_username'],
    [{ sub: 'x', preferred_username: 'an', department: '32' }, 'preferred_username'],
    [{ sub: 'x', preferred_username: 'anna schmidt', department: '32' }, 'preferred_username'],
    [{ sub: 'x', preferred_username: 'anna' }, 'department'],
  ])('names the missing or unusable claim in %j', (claims, missing) => {
    expect(mapClaims(claims, settings)).toEqual({ missing });
  });

  it('needs no department when no department claim is configured, and builds a name from given and family name', () => {
    const result = mapClaims(
      { sub: 'x', upn: 'anna@stadt.de', given_name: 'Anna', family_name: 'Schmidt', groups: 'g1' },
      { ...settings, usernameClaim: 'upn', departmentClaim: null },
    );
    expect(result).toMatchObject({
      identity: {
        username: 'anna@stadt.de',
        displayName: 'Anna Schmidt',
        departmentCode: null,
        groups: ['g1'],
      },
    });
  });
});

describe('claims with text the database cannot store', () => {
  it('turns U+0000 and lone surrogates into U+FFFD and never cuts an emoji in half', () => {
    const result = mapClaims(
      {
        sub: 'abc\u0000',
        preferred_username: 'anna',
        name: `${'x'.repeat(119)}😀 and more`,
        department: '32\ud800',
        groups: ['g\udfff'],
      },
      settings,
    );
    expect(result).toMatchObject({
      identity: {
        subject: 'abc\ufffd',
        displayName: `${'x'.repeat(119)}😀`,
        departmentCode: '32\ufffd',
        groups: ['g\ufffd'],
      },
    });
  });
});

describe('roles from groups', () => {
  const roleGroups = {
    field: ['zemag-aussendienst', 'zemag-vollzug'],
    control_room: ['leitstelle'],
  };

  it.each([
    [[], []],
    [['zemag-vollzug'], ['field']],
    [
      ['leitstelle', 'zemag-aussendienst', 'other'],
      ['field', 'control_room'],
    ],
  ])('groups %j give %j', (groups, roles) => {
    expect(rolesFromGroups(groups, roleGroups)).toEqual(roles);
  });

  it('grants what a group gives, revokes what no group gives, and leaves unmapped roles alone', () => {
    expect(
      planRoleSync({
        held: ['reporter', 'control_room'],
        wanted: ['field'],
        roleGroups: { field: ['g'] },
      }),
    ).toEqual({ grant: ['field'], revoke: [] });
    expect(
      planRoleSync({
        held: ['reporter', 'field', 'control_room'],
        wanted: [],
        roleGroups,
      }),
    ).toEqual({ grant: [], revoke: ['field', 'control_room'] });
    expect(planRoleSync({ held: ['reporter', 'field'], wanted: ['field'], roleGroups })).toEqual({
      grant: [],
      revoke: [],
    });
  });
});

describe('second factor from the provider', () => {
  it.each([
    [['pwd', 'otp'], true, 'oidc:otp'],
    [['mfa'], true, 'oidc:mfa'],
    [['hwk', 'pwd'], true, 'oidc:hwk'],
    [['swk'], true, 'oidc:swk'],
    [['pwd'], true, null],
    [[], true, null],
    [['pwd', 'otp'], false, null],
  ])('amr %j with trust %s counts as %s', (amr, trust, expected) => {
    expect(trustedSecondFactor(amr, trust)).toBe(expected);
  });
});
