import { describe, expect, it } from 'vitest';
import {
  refuseStatusConfirmation,
  statusChangeNeedsSecondPerson,
} from './status-requests.policy.js';

describe('disabling and enabling four-eyes role holders', () => {
  it('needs a second person for admin, registrar and dpo holders only', () => {
    expect(statusChangeNeedsSecondPerson(['reporter', 'admin'])).toBe(true);
    expect(statusChangeNeedsSecondPerson(['registrar'])).toBe(true);
    expect(statusChangeNeedsSecondPerson(['dpo'])).toBe(true);
    expect(statusChangeNeedsSecondPerson(['reporter', 'field', 'control_room'])).toBe(false);
  });

  const base = { requestedBy: 'a', targetId: 't', activeAdminIds: ['a', 't'] };
  it('never lets the requester confirm', () => {
    expect(refuseStatusConfirmation({ ...base, actorId: 'a', action: 'disable' })).toBe(
      'user.status_self_confirm',
    );
  });

  it('lets the target consent to being disabled only as the last other administrator', () => {
    expect(refuseStatusConfirmation({ ...base, actorId: 't', action: 'disable' })).toBeNull();
    expect(
      refuseStatusConfirmation({
        ...base,
        actorId: 't',
        action: 'disable',
        activeAdminIds: ['a', 't', 'c'],
      }),
    ).toBe('user.self_change');
    expect(refuseStatusConfirmation({ ...base, actorId: 't', action: 'enable' })).toBe(
      'user.self_change',
    );
    expect(
      refuseStatusConfirmation({
        ...base,
        actorId: 'c',
        action: 'enable',
        activeAdminIds: ['a', 'c'],
      }),
    ).toBeNull();
  });
});
