import type { Permission } from '@zemag/contracts';

/**
 * Permissions whose functions the app has today. The start page lists only these: the silent
 * alarm and its control room, checking the audit chain in the browser (`audit.verify` is the
 * command line's) and the settings come with later issues, and a start page does not promise
 * them before they exist.
 */
const WITH_A_FUNCTION: ReadonlySet<Permission> = new Set<Permission>([
  'incident.report',
  'incident.read_own',
  'incident.review',
  'register.lookup',
  'visit_list.manage',
  'listing.manage',
  'privacy.answer',
  'user.manage',
  'department.manage',
  'audit.read',
  'records.read',
  'statistics.read',
]);

/** The user's abilities that lead to a function in the app, in the server's order. */
export function availableAbilities(abilities: readonly Permission[]): Permission[] {
  return abilities.filter((ability) => WITH_A_FUNCTION.has(ability));
}
