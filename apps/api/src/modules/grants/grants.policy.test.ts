import type { Role } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import {
  conflictingRole,
  effectiveRoles,
  grantStatus,
  isBootstrapAdminGrant,
  isLapsed,
  needsFourEyes,
  refuseConfirmation,
  refuseGrant,
} from './grants.policy.js';

const today = '2026-06-15';

describe('grant status and effective roles', () => {
  it.each([
    [{ role: 'registrar', status: 'pending', endsOn: null }, true, 'pending'],
    [{ role: 'field', status: 'active', endsOn: null }, true, 'active'],
    [{ role: 'field', status: 'active', endsOn: null }, false, 'inactive_department'],
    [{ role: 'reporter', status: 'active', endsOn: null }, false, 'active'],
    [{ role: 'field', status: 'active', endsOn: '2026-06-15' }, true, 'active'],
    [{ role: 'field', status: 'active', endsOn: '2026-06-14' }, true, 'expired'],
    // re-certification due 2026-05-16: 30 days of grace end on 2026-06-15
    [{ role: 'field', status: 'active', endsOn: null, recertifyBy: '2026-05-16' }, true, 'active'],
    [{ role: 'field', status: 'active', endsOn: null, recertifyBy: '2026-05-15' }, true, 'lapsed'],
    [
      { role: 'admin', status: 'revoked', endsOn: null, recertifyBy: '2027-01-01' },
      true,
      'revoked',
    ],
  ] as const)(
    '%j in an authorised department (%s) is %s',
    (grant, departmentAuthorised, expected) => {
      expect(grantStatus(grant, { today, departmentAuthorised })).toBe(expected);
    },
  );

  it('gives only active grants as roles', () => {
    const grants = [
      { role: 'reporter' as Role, status: 'active' as const, endsOn: null },
      { role: 'field' as Role, status: 'active' as const, endsOn: '2026-01-01' },
      { role: 'control_room' as Role, status: 'pending' as const, endsOn: null },
    ];
    expect(effectiveRoles(grants, { today, departmentAuthorised: true })).toEqual(['reporter']);
  });

  it('lapses a grant the day after its grace, whatever the grace', () => {
    expect(isLapsed('2026-06-15', { today: '2026-06-15', graceDays: 0 })).toBe(false);
    expect(isLapsed('2026-06-14', { today: '2026-06-15', graceDays: 0 })).toBe(true);
    expect(isLapsed('2026-02-28', { today: '2026-03-30', graceDays: 30 })).toBe(false);
    expect(isLapsed('2026-02-28', { today: '2026-03-31', graceDays: 30 })).toBe(true);
    expect(isLapsed(null, { today: '2099-01-01' })).toBe(false);
    const grants = [
      {
        role: 'reporter' as Role,
        status: 'active' as const,
        endsOn: null,
        recertifyBy: '2026-01-01',
      },
      { role: 'dpo' as Role, status: 'revoked' as const, endsOn: null },
    ];
    expect(effectiveRoles(grants, { today, departmentAuthorised: true })).toEqual([]);
    expect(effectiveRoles(grants, { today, departmentAuthorised: true, graceDays: 400 })).toEqual([
      'reporter',
    ]);
  });
});

describe('refusing grants', () => {
  const base = {
    actorId: 'admin-1',
    granteeId: 'user-1',
    granteeDisabled: false,
    role: 'field' as Role,
    heldRoles: ['reporter'] as Role[],
    departmentAuthorised: true,
    endsOn: null,
    today,
  };

  it.each([
    [{}, null],
    [{ granteeId: 'admin-1' }, 'grant.self_grant'],
    [{ granteeDisabled: true }, 'grant.user_disabled'],
    [{ heldRoles: ['reporter', 'field'] }, 'grant.already_held'],
    [{ heldRoles: ['dpo'] }, 'grant.incompatible_roles'],
    [{ role: 'registrar', heldRoles: ['admin'] }, 'grant.incompatible_roles'],
    [{ departmentAuthorised: false }, 'grant.department_not_authorised'],
    [{ role: 'registrar', departmentAuthorised: false }, null],
    [{ endsOn: '2026-06-14' }, 'grant.end_in_past'],
    [{ endsOn: '2026-06-15' }, null],
  ] as const)('%j → %s', (change, expected) => {
    expect(refuseGrant({ ...base, ...(change as object) })?.code ?? null).toBe(expected);
  });

  it('names the conflicting role either way round', () => {
    expect(conflictingRole('admin', ['reporter', 'registrar'])).toBe('registrar');
    expect(conflictingRole('field', ['dpo'])).toBe('dpo');
    expect(conflictingRole('field', ['registrar', 'control_room'])).toBeNull();
  });

  it('never lets the granter or the grantee confirm, nor before the account is activated', () => {
    const base = { granteeId: 'u', grantedBy: 'a', granteeActivated: true };
    expect(refuseConfirmation({ ...base, actorId: 'a' })).toBe('grant.self_confirm');
    expect(refuseConfirmation({ ...base, actorId: 'u' })).toBe('grant.self_grant');
    expect(refuseConfirmation({ ...base, actorId: 'b' })).toBeNull();
    expect(refuseConfirmation({ ...base, actorId: 'b', granteeActivated: false })).toBe(
      'grant.user_not_activated',
    );
  });

  it('makes field a four-eyes role unless configured off', () => {
    expect(needsFourEyes('field', { fieldFourEyes: true })).toBe(true);
    expect(needsFourEyes('field', { fieldFourEyes: false })).toBe(false);
    for (const role of ['admin', 'registrar', 'dpo'] as const)
      expect(needsFourEyes(role, { fieldFourEyes: false })).toBe(true);
    expect(needsFourEyes('control_room', { fieldFourEyes: true })).toBe(false);
  });

  it('grants admin at once only while the actor is the only administrator there ever was', () => {
    const base = { role: 'admin' as const, actorId: 'a', activeAdminIds: ['a'] };
    expect(isBootstrapAdminGrant({ ...base, everAdminIds: ['a'] })).toBe(true);
    // the other administrator was disabled or lost the role: the rule does not come back
    expect(isBootstrapAdminGrant({ ...base, everAdminIds: ['a', 'b'] })).toBe(false);
    expect(
      isBootstrapAdminGrant({ ...base, activeAdminIds: ['a', 'b'], everAdminIds: ['a', 'b'] }),
    ).toBe(false);
    expect(isBootstrapAdminGrant({ ...base, role: 'registrar', everAdminIds: ['a'] })).toBe(false);
  });
});
