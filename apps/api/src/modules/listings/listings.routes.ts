import { listingsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ListingsService } from './listings.service.js';
import { listingLifeRoutes } from './listings.life.routes.js';

/** Listings: propose, activate (four-eyes), the notification letter (registrars). */
export const listingsRoutes: FastifyPluginAsyncZod<{ listings: ListingsService }> = async (
  app,
  { listings },
) => {
  // Registered first: `/api/v1/listings/due` is matched before `/api/v1/listings/:id`.
  await listingLifeRoutes(app, { listings });

  app.route({
    ...fromContract(contract.precautions),
    handler: async () => ({ precautions: [...listings.catalogue] }),
  });

  app.route({
    ...fromContract(contract.list),
    handler: async (request) =>
      listings.list({ actor: request.auth!.user, statuses: request.query.status }),
  });

  app.route({
    ...fromContract(contract.propose),
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await listings.propose({ actor: request.auth!.user, proposal: request.body })),
  });

  app.route({
    ...fromContract(contract.get),
    handler: async (request) => listings.get({ actor: request.auth!.user, id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.activate),
    handler: async (request) =>
      listings.activate({
        actor: request.auth!.user,
        id: request.params.id,
        reason: request.body.reason,
      }),
  });

  app.route({
    ...fromContract(contract.letter),
    handler: async (request, reply) => {
      const { pdf, reference } = await listings.letter({
        actor: request.auth!.user,
        id: request.params.id,
      });
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="Benachrichtigung-${reference}.pdf"`)
        .send(Buffer.from(pdf));
    },
  });

  app.route({
    ...fromContract(contract.recordNotification),
    handler: async (request) =>
      listings.recordNotification({
        actor: request.auth!.user,
        id: request.params.id,
        record: request.body,
      }),
  });
};
