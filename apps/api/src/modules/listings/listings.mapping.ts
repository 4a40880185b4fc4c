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
    notification: {
      state: l.notificationState as Listing['notification']['state'],
      sentOn: l.notificationSentOn,
      holdReason: l.notificationHoldReason,
      reviewOn: l.notificationReviewOn,
    },
  };
}

export function toListing(
  found: ListingJoined & {
    grounds: {
      id: string;
      reference: string;
      occurredAt: Date;
      level: number;
      categories: string[];
    }[];
    history: { entry: typeof listingHistory.$inferSelect; actorName: string | null }[];
  },
  options: { catalogue: readonly Precaution[]; actions: ListingAction[] },
): Listing {
  const l = found.listing;
  return {
    ...toListingSummary(found),
    categories: l.categories as IncidentCategory[],
    precautions: precautionTexts(l.precautions, options.catalogue),
    precautionsText: l.precautionsText,
    incidents: found.grounds.map((g) => ({
      ...g,
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

/** What a registrar may do: activate someone else's proposal; produce and record the letter. */
export function listingActions(
  actorId: string,
  listing: { status: string; proposedBy: string },
  restsOnOwnReport = false,
): ListingAction[] {
  if (restsOnOwnReport) return [];
  if (listing.status === 'proposed' && listing.proposedBy !== actorId) return ['activate'];
  if (listing.status === 'active') return ['letter', 'record_notification'];
  return [];
}
