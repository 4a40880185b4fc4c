import {
  Listing,
  ListingExtensionProposal,
  ListingReason,
  ListingRestriction,
  ListingsDue,
} from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGISTER_PROBLEMS } from '../../http/problem.js';
import type { ListingsService } from './listings.service.js';

const tags = ['listings'];
const errors = REGISTER_PROBLEMS;
const IdParams = z.object({ id: z.uuid() });
const config = { permission: 'listing.manage' } as const;
const DueQuery = z.object({
  /** Days ahead; the configured review window (ZEMAG_REVIEW_WINDOW_DAYS) by default. */
  withinDays: z.coerce.number().int().min(0).max(365).optional(),
});

/**
 * A listing's life cycle (registrars): decline a proposal, end early, extend (four-eyes),
 * restrict while disputed and lift, and the review queue.
 */
export const listingLifeRoutes: FastifyPluginAsyncZod<{ listings: ListingsService }> = async (
  app,
  { listings },
) => {
  app.get(
    '/api/v1/listings/due',
    {
      config,
      schema: {
        tags,
        summary: 'The review queue: listings ending soon and held-back letters due again',
        querystring: DueQuery,
        response: { 200: ListingsDue, ...errors },
      },
    },
    async (request) =>
      listings.due({
        actor: request.auth!.user,
        ...(request.query.withinDays === undefined ? {} : { withinDays: request.query.withinDays }),
      }),
  );

  const withReason = (
    url: string,
    summary: string,
    run: (args: { actor: { id: string }; id: string; reason: string }) => Promise<Listing>,
  ) =>
    app.post(
      url,
      {
        config,
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ListingReason,
          response: { 200: Listing, ...errors },
        },
      },
      async (request) =>
        run({ actor: request.auth!.user, id: request.params.id, reason: request.body.reason }),
    );

  withReason('/api/v1/listings/:id/decline', 'Decline a proposed listing, with a reason', (a) =>
    listings.decline(a),
  );
  withReason('/api/v1/listings/:id/end', 'End an active listing early, with a reason', (a) =>
    listings.end(a),
  );
  withReason(
    '/api/v1/listings/:id/extension/withdraw',
    'Withdraw or turn down the proposed extension, with a reason',
    (a) => listings.withdrawExtension(a),
  );
  withReason(
    '/api/v1/listings/:id/restriction/lift',
    'Lift the restriction of a listing, with a reason',
    (a) => listings.liftRestriction(a),
  );

  app.post(
    '/api/v1/listings/:id/extension',
    {
      config,
      schema: {
        tags,
        summary: 'Propose a later valid-until date; another registrar confirms it',
        params: IdParams,
        body: ListingExtensionProposal,
        response: { 200: Listing, ...errors },
      },
    },
    async (request) =>
      listings.proposeExtension({
        actor: request.auth!.user,
        id: request.params.id,
        extension: request.body,
      }),
  );

  app.post(
    '/api/v1/listings/:id/extension/confirm',
    {
      config,
      schema: {
        tags,
        summary: 'Confirm the extension another registrar proposed',
        params: IdParams,
        response: { 200: Listing, ...errors },
      },
    },
    async (request) =>
      listings.confirmExtension({ actor: request.auth!.user, id: request.params.id }),
  );

  app.post(
    '/api/v1/listings/:id/restriction',
    {
      config,
      schema: {
        tags,
        summary: 'Restrict a disputed listing: hidden from field look-ups, no letter',
        params: IdParams,
        body: ListingRestriction,
        response: { 200: Listing, ...errors },
      },
    },
    async (request) =>
      listings.restrict({
        actor: request.auth!.user,
        id: request.params.id,
        restriction: request.body,
      }),
  );
};
