import type { ListingStatus } from '@zemag/contracts';

/** The listings page's views and the statuses each asks the server for. */
export const LISTING_FILTERS = {
  proposed: ['proposed'],
  active: ['active'],
  expired: ['expired'],
  declined: ['declined'],
  closed: ['expired', 'ended', 'declined'],
} as const satisfies Record<string, readonly ListingStatus[]>;

export type ListingFilter = keyof typeof LISTING_FILTERS;

/** `?show=active` → `active`; anything else → `proposed` (the work waiting). */
export function filterFromSearch(search: string): ListingFilter {
  const show = new URLSearchParams(search).get('show');
  return show !== null && Object.hasOwn(LISTING_FILTERS, show)
    ? (show as ListingFilter)
    : 'proposed';
}
