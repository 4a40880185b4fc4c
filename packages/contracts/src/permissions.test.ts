import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsFor, ROLE_PERMISSIONS } from './permissions.js';
import { ROLES } from './roles.js';

describe('role permissions', () => {
  it('gives a user without roles nothing (deny by default)', () => {
    expect(permissionsFor([])).toEqual([]);
  });

  it('lets every employee report, but not look up the register', () => {
    expect(permissionsFor(['reporter'])).toEqual(['incident.report', 'incident.read_own']);
  });

  it('never lets the admin see register content', () => {
    const admin = permissionsFor(['admin']);
    for (const p of [
      'register.lookup',
      'incident.review',
      'listing.manage',
      'audit.read',
    ] as const) {
      expect(admin).not.toContain(p);
    }
  });

  it('lets the data protection officer read the audit log but not look up persons', () => {
    expect(permissionsFor(['dpo'])).toContain('audit.read');
    expect(permissionsFor(['dpo'])).not.toContain('register.lookup');
  });

  it('combines roles without duplicates, in declaration order', () => {
    const both = permissionsFor(['field', 'reporter', 'field']);
    expect(both).toEqual([
      'incident.report',
      'incident.read_own',
      'register.lookup',
      'visit_list.manage',
      'alarm.raise',
    ]);
  });

  it('grants every permission to some role, and only declared permissions', () => {
    const granted = new Set(ROLES.flatMap((role) => ROLE_PERMISSIONS[role]));
    expect([...granted].sort()).toEqual([...PERMISSIONS].sort());
  });
});
