import { z } from 'zod';
import {
  Listing,
  ListingExtensionProposal,
  ListingReason,
  ListingRestriction,
  ListingsDue,
} from './listings.schemas.js';
import { REGISTER_PROBLEM_STATUSES, route } from './route.js';

const IdParams = z.object({ id: z.uuid() });
const DueQuery = z.object({
  /** Days ahead; the configured review window (ZEMAG_REVIEW_WINDOW_DAYS) by default. */
  withinDays: z.coerce.number().int().min(0).max(365).optional(),
});

/** A registrar's step on one listing, with a reason. */
const withReason = (path: string, summary: string) =>
  route({
    method: 'POST',
    path,
    access: 'listing.manage',
    tag: 'listings',
    summary,
    params: IdParams,
    body: ListingReason,
    status: 200,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  });

/**
 * A listing's life cycle (registrars): decline a proposal, end early, extend (four-eyes),
 * restrict while disputed and lift, and the review queue.
 */
export const listingLifeContract = {
  due: route({
    method: 'GET',
    path: '/api/v1/listings/due',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'The review queue: listings ending soon and held-back letters due again',
    query: DueQuery,
    status: 200,
    response: ListingsDue,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  decline: withReason('/api/v1/listings/:id/decline', 'Decline a proposed listing, with a reason'),
  end: withReason('/api/v1/listings/:id/end', 'End an active listing early, with a reason'),
  withdrawExtension: withReason(
    '/api/v1/listings/:id/extension/withdraw',
    'Withdraw or turn down the proposed extension, with a reason',
  ),
  liftRestriction: withReason(
    '/api/v1/listings/:id/restriction/lift',
    'Lift the restriction of a listing, with a reason',
  ),
  proposeExtension: route({
    method: 'POST',
    path: '/api/v1/listings/:id/extension',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'Propose a later valid-until date; another registrar confirms it',
    params: IdParams,
    body: ListingExtensionProposal,
    status: 200,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  confirmExtension: route({
    method: 'POST',
    path: '/api/v1/listings/:id/extension/confirm',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'Confirm the extension another registrar proposed',
    params: IdParams,
    status: 200,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  restrict: route({
    method: 'POST',
    path: '/api/v1/listings/:id/restriction',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'Restrict a disputed listing: hidden from field look-ups, no letter',
    params: IdParams,
    body: ListingRestriction,
    status: 200,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
};
