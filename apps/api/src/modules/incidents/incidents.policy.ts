import type { CurrentUser, IncidentStatus } from '@zemag/contracts';
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
