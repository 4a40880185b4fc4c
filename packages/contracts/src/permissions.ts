import type { Role } from './roles.js';

/**
 * Every permission a route can require. Names are `<resource>.<action>`; the web app shows
 * what the caller may do from the abilities the API sends and never repeats these rules.
 */
export const PERMISSIONS = [
  'incident.report',
  'incident.read_own',
  'incident.review',
  'register.lookup',
  'visit_list.manage',
  'alarm.raise',
  'alarm.handle',
  'listing.manage',
  'privacy.answer',
  'audit.read',
  'audit.verify',
  'records.read',
  'statistics.read',
  'user.manage',
  'department.manage',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What a route requires: a permission, any fully signed-in user (`authenticated`: second factor
 * proven where a role requires one), any session even before its second factor (`session`:
 * only what it takes to prove or enrol one), or nobody (`public`, declared explicitly — never
 * inferred from a URL prefix).
 */
export type RouteAccess = Permission | 'authenticated' | 'session' | 'public';

/** Deny by default: a role has exactly the permissions listed here. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  reporter: ['incident.report', 'incident.read_own'],
  field: ['register.lookup', 'visit_list.manage', 'alarm.raise'],
  registrar: [
    'incident.review',
    'register.lookup',
    'listing.manage',
    'privacy.answer',
    'statistics.read',
  ],
  dpo: ['audit.read', 'audit.verify', 'records.read', 'statistics.read'],
  control_room: ['alarm.handle'],
  admin: ['user.manage', 'department.manage', 'settings.manage', 'records.read'],
};

/** The union of the permissions of the given roles, in declaration order. */
export function permissionsFor(roles: readonly Role[]): Permission[] {
  const granted = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return PERMISSIONS.filter((permission) => granted.has(permission));
}
