import { addMonths } from '../../local-date.js';
import { missingListingCondition } from '../listings/listings.rules.js';
import type { LegacyMessage } from './legacy-import.messages.js';
import type { LegacyRow } from './legacy-import.parse.js';

/** A listing runs at most this long from today (the listings service refuses longer ones). */
const MAX_VALIDITY_MONTHS = 60;

export type ListingPlan =
  | { propose: true; validUntil: string; categories: LegacyRow['categories'] }
  | { propose: false; reason: LegacyMessage };

/**
 * Whether a row's listing is proposed: the same rule as every listing (a confirmed incident of
 * level 2 or 3 with a criminal complaint, `missingListingCondition`), a category that can be
 * listed (insult cannot), and a valid-until date in the future and at most five years ahead
 * (default: the configured months after the incident, as for any proposal).
 */
export function planListing(
  row: Pick<
    LegacyRow,
    'level' | 'criminalComplaint' | 'categories' | 'incidentDate' | 'validUntil'
  >,
  { today, validityMonths }: { today: string; validityMonths: number },
): ListingPlan {
  const missing = missingListingCondition(
    ['legacy'],
    [
      {
        id: 'legacy',
        status: 'confirmed',
        level: row.level,
        complaintStatus: row.criminalComplaint.status,
        categories: row.categories,
        occurredAt: new Date(`${row.incidentDate}T12:00:00Z`),
      },
    ],
  );
  const categories = row.categories.filter((c) => c !== 'insult');
  if (missing || categories.length === 0)
    return { propose: false, reason: 'listing.not_qualified' };
  const validUntil = row.validUntil ?? addMonths(row.incidentDate, validityMonths);
  if (validUntil <= today || validUntil > addMonths(today, MAX_VALIDITY_MONTHS)) {
    return { propose: false, reason: 'listing.valid_until_invalid' };
  }
  return { propose: true, validUntil, categories };
}
