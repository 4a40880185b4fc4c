import type { CurrentUser, IncidentStatus } from '@zemag/contracts';
import { AppError } from '../../http/app-error.js';
import type { IncidentAction } from './incidents.mapping.js';

/** Statuses a registrar may still decide on. */
export const OPEN_FOR_REVIEW: readonly IncidentStatus[] = ['submitted', 'in_review'];

/**
 * What a user may do with a report now. Reporters complete a quick report or answer a question;
 * registrars review reports of others (never their own) and link persons until it is rejected.
 */
export function incidentActions(
  user: Pick<CurrentUser, 'id' | 'abilities'>,
  incident: { reporterId: string; status: IncidentStatus; quick: boolean },
): IncidentAction[] {
  const actions: IncidentAction[] = [];
  const own = incident.reporterId === user.id;
  if (own && incident.status === 'needs_info') actions.push('answer', 'amend');
  else if (own && incident.quick && incident.status === 'submitted') actions.push('amend');
  if (!own && user.abilities.includes('incident.review')) {
    if (incident.status === 'submitted') actions.push('start_review');
    if (OPEN_FOR_REVIEW.includes(incident.status)) actions.push('confirm', 'reject', 'ask');
    if (incident.status !== 'rejected') actions.push('link_persons');
  }
  return actions;
}

/**
 * The one rule for a registrar's own reports: nobody acts as registrar on a report they made
 * themselves — no review or decision, no linking or creating its persons (nor suggestions for
 * them), no merging of a person record it is linked to, no listing resting on it (propose,
 * activate, letter, notification). Services call this with every report the action touches.
 * Refused with 403 `incident.own_report`; another registrar may do the same.
 */
export function refuseOwnReport(
  actor: Pick<CurrentUser, 'id'>,
  reports: Iterable<{ reporterId: string }>,
): void {
  for (const report of reports) {
    if (report.reporterId === actor.id) throw new AppError(403, 'incident.own_report');
  }
}
