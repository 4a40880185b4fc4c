/**
 * Plain-German names for the audit log's actions. The log stores technical names
 * (`register.lookup`, `person.merge`); the page shows a name for people and the technical one
 * beside it, so that the CSV export and the page can be compared.
 */

/** The choices of the action filter: an action, a family (ending in a dot), or all. */
export const ACTION_FILTERS = [
  { value: '', key: 'all' },
  { value: 'register.lookup', key: 'lookups' },
  { value: 'register.visit_list', key: 'visitLists' },
  { value: 'person.', key: 'persons' },
  { value: 'listing.', key: 'listings' },
  { value: 'incident.', key: 'incidents' },
  { value: 'auth.', key: 'signIns' },
  { value: 'audit.', key: 'audit' },
] as const;

/** Actions with a name of their own (`audit.actionNames.<action>`). */
const NAMED = new Set([
  'register.lookup',
  'register.lookup_throttled',
  'register.visit_list',
  'person.read',
  'person.create',
  'person.merge',
  'person.suggest',
  'person.incidents_read',
  'listing.read',
  'listing.list',
  'listing.letter',
  'listing.expired',
  'incident.submit',
  'incident.read',
  'incident.start_review',
  'incident.link_person',
  'auth.sign_in',
  'auth.sign_out',
  'auth.sign_in_failed',
  'audit.read',
  'audit.export',
  'audit.finding_reviewed',
  'audit.findings_read',
  'audit.findings_detected',
  'statistics.read',
  'statistics.export',
]);

/** Families with a name (`audit.families.<family>`), for the actions without one of their own. */
const FAMILIES = new Set([
  'register',
  'person',
  'listing',
  'incident',
  'auth',
  'audit',
  'mfa',
  'user',
  'grant',
  'department',
  'subject_request',
  'import',
  'deletion',
  'records',
  'statistics',
  'alarm',
]);

/** The translation key of an action's name, or null when the page shows the technical name only. */
export function actionLabelKey(action: string): string | null {
  if (NAMED.has(action)) return `audit.actionNames.${action}`;
  const family = action.split('.')[0] ?? '';
  return FAMILIES.has(family) ? `audit.families.${family}` : null;
}

/** Things an event can be about (`subject.type`) that have a name (`audit.subjects.<type>`). */
const SUBJECTS = new Set([
  'person',
  'incident',
  'listing',
  'user',
  'department',
  'subject_request',
  'anomaly_finding',
  'alarm',
]);

export function subjectLabelKey(type: string): string | null {
  return SUBJECTS.has(type) ? `audit.subjects.${type}` : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The persons a look-up or a visit list showed (`details.personIds`), as far as they are ids;
 * anything else in the details is left alone.
 */
export function shownPersonIds(details: Record<string, unknown>): string[] {
  const ids = details.personIds;
  if (!Array.isArray(ids)) return [];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
}

/** The person an event is about, when it is about one. */
export function subjectPersonId(subject: { type: string; id: string } | null): string | null {
  return subject?.type === 'person' && UUID.test(subject.id) ? subject.id : null;
}

/** The first part of an id, enough to tell ids apart on screen (`3f2a9c1d`). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
