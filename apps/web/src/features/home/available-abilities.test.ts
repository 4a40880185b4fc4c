import { ROLE_PERMISSIONS } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { availableAbilities } from './available-abilities';

describe('the start page lists only functions that exist', () => {
  it.each([
    ['dpo', ['audit.read', 'records.read', 'statistics.read']],
    ['control_room', []],
    ['field', ['register.lookup', 'visit_list.manage']],
    ['admin', ['user.manage', 'department.manage', 'records.read']],
    [
      'registrar',
      ['incident.review', 'register.lookup', 'listing.manage', 'privacy.answer', 'statistics.read'],
    ],
    ['reporter', ['incident.report', 'incident.read_own']],
  ] as const)('for the %s role: %j', (role, expected) => {
    expect(availableAbilities(ROLE_PERMISSIONS[role])).toEqual(expected);
  });
});
