import { z } from 'zod';
import {
  Listing,
  LISTING_STATUSES,
  ListingList,
  ListingProposal,
  NotificationRecord,
  Precaution,
} from './listings.schemas.js';
import { REGISTER_PROBLEM_STATUSES, route } from './route.js';

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
export const listingsContract = {
  precautions: route({
    method: 'GET',
    path: '/api/v1/precautions',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'The precaution catalogue',
    status: 200,
    response: z.object({ precautions: z.array(Precaution) }),
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/listings',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'Listings by status (default: proposed and active)',
    query: ListQuery,
    status: 200,
    response: ListingList,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  propose: route({
    method: 'POST',
    path: '/api/v1/listings',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'Propose a listing on confirmed grounds',
    body: ListingProposal,
    status: 201,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/listings/:id',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'A listing with its history',
    params: IdParams,
    status: 200,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  activate: route({
    method: 'POST',
    path: '/api/v1/listings/:id/activate',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'Activate a listing another registrar proposed',
    params: IdParams,
    body: z
      .object({ reason: z.string().trim().max(2000).nullable().default(null) })
      .default({ reason: null }),
    status: 200,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  letter: route({
    method: 'GET',
    path: '/api/v1/listings/:id/letter',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'The notification letter (Art. 14 GDPR) of an active listing, as PDF',
    params: IdParams,
    produces: ['application/pdf'],
    status: 200,
    response: z.any().describe('PDF document'),
    problems: REGISTER_PROBLEM_STATUSES,
  }),
  recordNotification: route({
    method: 'POST',
    path: '/api/v1/listings/:id/notification',
    access: 'listing.manage',
    tag: 'listings',
    summary: 'Record the letter as sent, or why it is held back',
    params: IdParams,
    body: NotificationRecord,
    status: 200,
    response: Listing,
    problems: REGISTER_PROBLEM_STATUSES,
  }),
};
