import type { IncidentCategory, Listing, ListingSummary, Precaution } from '@zemag/contracts';
import type { listingHistory } from './listings.table.js';
import type { ListingJoined } from './listings.repository.js';

export type ListingAction = Listing['actions'][number];

export function precautionTexts(codes: readonly string[], catalogue: readonly Precaution[]) {
  const byCode = new Map(catalogue.map((p) => [p.code, p]));
  return codes.map((code) => byCode.get(code) ?? { code, de: code, en: code });
}

export function toListingSummary(row: ListingJoined): ListingSummary {
  const l = row.listing;
  return {
    id: l.id,
    person: row.person,
    status: l.status as Listing['status'],
    restricted: l.restricted,
    level: l.level,
    validUntil: l.validUntil,
    proposedBy: { id: l.proposedBy, displayName: row.proposerName },
    proposedAt: l.proposedAt.toISOString(),
    closedAt: l.closedAt?.toISOString() ?? null,
    restrictedUntil: l.restrictedUntil,
    extension:
      l.extensionValidUntil && l.extensionProposedBy && l.extensionProposedAt
        ? {
            validUntil: l.extensionValidUntil,
            reason: l.extensionReason ?? '',
            proposedBy: { id: l.extensionProposedBy, displayName: row.extenderName ?? '' },
            proposedAt: l.extensionProposedAt.toISOString(),
          }
        : null,
    notification: {
      state: l.notificationState as Listing['notification']['state'],
      sentOn: l.notificationSentOn,
      holdReason: l.notificationHoldReason,
      reviewOn: l.notificationReviewOn,
    },
  };
}

/** Restricted, and the date by which the dispute was to be decided lies before `today`. */
export function isRestrictionOverdue(
  listing: { restricted: boolean; restrictedUntil: string | null },
  today: string,
): boolean {
  return listing.restricted && listing.restrictedUntil !== null && listing.restrictedUntil < today;
}

export function toListing(
  found: ListingJoined & {
    grounds: {
      id: string;
      reference: string;
      occurredAt: Date;
      level: number | null;
      categories: string[];
    }[];
    history: { entry: typeof listingHistory.$inferSelect; actorName: string | null }[];
  },
  options: { catalogue: readonly Precaution[]; actions: ListingAction[]; today: string },
): Listing {
  const l = found.listing;
  return {
    ...toListingSummary(found),
    restrictionOverdue: isRestrictionOverdue(l, options.today),
    categories: l.categories as IncidentCategory[],
    precautions: precautionTexts(l.precautions, options.catalogue),
    precautionsText: l.precautionsText,
    incidents: found.grounds.map((g) => ({
      ...g,
      // Grounds are confirmed reports, and confirming one sets its level.
      level: g.level ?? 0,
      occurredAt: g.occurredAt.toISOString(),
      categories: g.categories as IncidentCategory[],
    })),
    activatedBy: l.activatedBy
      ? { id: l.activatedBy, displayName: found.activatorName ?? '' }
      : null,
    activatedAt: l.activatedAt?.toISOString() ?? null,
    history: found.history.map(({ entry, actorName }) => ({
      action: entry.action,
      actor: entry.actorId ? { id: entry.actorId, displayName: actorName ?? '' } : null,
      reason: entry.reason,
      changes: entry.changes as Record<string, unknown>,
      at: entry.at.toISOString(),
    })),
    actions: options.actions,
  };
}

/**
 * What a registrar may do: activate or decline someone else's proposal (the proposer may
 * decline too); on an active listing produce and record the letter (not while restricted), end
 * it, propose an extension or decide on one (confirm: not its proposer), restrict or lift.
 */
export function listingActions(
  actorId: string,
  listing: {
    status: string;
    proposedBy: string;
    restricted: boolean;
    extensionProposedBy: string | null;
  },
  restsOnOwnReport = false,
): ListingAction[] {
  if (restsOnOwnReport) return [];
  if (listing.status === 'proposed') {
    return listing.proposedBy !== actorId ? ['activate', 'decline'] : ['decline'];
  }
  if (listing.status !== 'active') return listing.restricted ? ['lift_restriction'] : [];
  const actions: ListingAction[] = [];
  if (!listing.restricted) actions.push('letter');
  actions.push('record_notification', 'end');
  if (listing.extensionProposedBy === null) actions.push('extend');
  else {
    if (listing.extensionProposedBy !== actorId) actions.push('confirm_extension');
    actions.push('withdraw_extension');
  }
  actions.push(listing.restricted ? 'lift_restriction' : 'restrict');
  return actions;
}
