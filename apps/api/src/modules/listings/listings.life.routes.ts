import { type Listing, listingLifeContract as contract } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fromContract } from '../../http/contract-route.js';
import type { ListingsService } from './listings.service.js';

type ReasonStep = (args: { actor: { id: string }; id: string; reason: string }) => Promise<Listing>;

/**
 * A listing's life cycle (registrars): decline a proposal, end early, extend (four-eyes),
 * restrict while disputed and lift, and the review queue.
 */
export const listingLifeRoutes: FastifyPluginAsyncZod<{ listings: ListingsService }> = async (
  app,
  { listings },
) => {
  app.route({
    ...fromContract(contract.due),
    handler: async (request) =>
      listings.due({
        actor: request.auth!.user,
        ...(request.query.withinDays === undefined ? {} : { withinDays: request.query.withinDays }),
      }),
  });

  const withReason = (route: typeof contract.decline, run: ReasonStep) =>
    app.route({
      ...fromContract(route),
      handler: async (request) =>
        run({ actor: request.auth!.user, id: request.params.id, reason: request.body.reason }),
    });

  withReason(contract.decline, (a) => listings.decline(a));
  withReason(contract.end, (a) => listings.end(a));
  withReason(contract.withdrawExtension, (a) => listings.withdrawExtension(a));
  withReason(contract.liftRestriction, (a) => listings.liftRestriction(a));

  app.route({
    ...fromContract(contract.proposeExtension),
    handler: async (request) =>
      listings.proposeExtension({
        actor: request.auth!.user,
        id: request.params.id,
        extension: request.body,
      }),
  });

  app.route({
    ...fromContract(contract.confirmExtension),
    handler: async (request) =>
      listings.confirmExtension({ actor: request.auth!.user, id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.restrict),
    handler: async (request) =>
      listings.restrict({
        actor: request.auth!.user,
        id: request.params.id,
        restriction: request.body,
      }),
  });
};
