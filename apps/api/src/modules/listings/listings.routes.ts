import {
  LISTING_STATUSES,
  Listing,
  ListingList,
  ListingProposal,
  NotificationRecord,
  Precaution,
} from '@zemag/contracts';
import { REGISTER_PROBLEMS } from '../../http/problem.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ListingsService } from './listings.service.js';
import { listingLifeRoutes } from './listings.life.routes.js';

const tags = ['listings'];
const errors = REGISTER_PROBLEMS;
const IdParams = z.object({ id: z.uuid() });
const ListQuery = z.object({
  /** Comma list, e.g. `proposed` for the activation queue. */
  status: z
    .string()
    .default('proposed,active')
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(LISTING_STATUSES)).min(1)),
});

/** Listings: propose, activate (four-eyes), the notification letter (registrars). */
export const listingsRoutes: FastifyPluginAsyncZod<{ listings: ListingsService }> = async (
  app,
  { listings },
) => {
  // Registered first: `/api/v1/listings/due` is matched before `/api/v1/listings/:id`.
  await listingLifeRoutes(app, { listings });

  app.get(
    '/api/v1/precautions',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'The precaution catalogue',
        response: { 200: z.object({ precautions: z.array(Precaution) }), ...errors },
      },
    },
    async () => ({ precautions: [...listings.catalogue] }),
  );

  app.get(
    '/api/v1/listings',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'Listings by status (default: proposed and active)',
        querystring: ListQuery,
        response: { 200: ListingList, ...errors },
      },
    },
    async (request) => listings.list({ actor: request.auth!.user, statuses: request.query.status }),
  );

  app.post(
    '/api/v1/listings',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'Propose a listing on confirmed grounds',
        body: ListingProposal,
        response: { 201: Listing, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await listings.propose({ actor: request.auth!.user, proposal: request.body })),
  );

  app.get(
    '/api/v1/listings/:id',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'A listing with its history',
        params: IdParams,
        response: { 200: Listing, ...errors },
      },
    },
    async (request) => listings.get({ actor: request.auth!.user, id: request.params.id }),
  );

  app.post(
    '/api/v1/listings/:id/activate',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'Activate a listing another registrar proposed',
        params: IdParams,
        body: z
          .object({ reason: z.string().trim().max(2000).nullable().default(null) })
          .default({ reason: null }),
        response: { 200: Listing, ...errors },
      },
    },
    async (request) =>
      listings.activate({
        actor: request.auth!.user,
        id: request.params.id,
        reason: request.body.reason,
      }),
  );

  app.get(
    '/api/v1/listings/:id/letter',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'The notification letter (Art. 14 GDPR) of an active listing, as PDF',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF document'), ...errors },
      },
    },
    async (request, reply) => {
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
  );

  app.post(
    '/api/v1/listings/:id/notification',
    {
      config: { permission: 'listing.manage' },
      schema: {
        tags,
        summary: 'Record the letter as sent, or why it is held back',
        params: IdParams,
        body: NotificationRecord,
        response: { 200: Listing, ...errors },
      },
    },
    async (request) =>
      listings.recordNotification({
        actor: request.auth!.user,
        id: request.params.id,
        record: request.body,
      }),
  );
};
