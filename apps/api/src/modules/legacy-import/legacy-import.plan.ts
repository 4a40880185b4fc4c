import { addMonths } from '../../local-date.js';
import { missingListingCondition } from '../listings/listings.rules.js';
import type { LegacyMessage } from './legacy-import.messages.js';
import type { LegacyRow } from './legacy-import.parse.js';

/** A listing runs at most this long from today (the listings service refuses longer ones). */
const MAX_VALIDITY_MONTHS = 60;

type PlannedRow = Pick<
  LegacyRow,
  'level' | 'criminalComplaint' | 'categories' | 'incidentDate' | 'validUntil'
>;
interface PlanOptions {
  today: string;
  /** `ZEMAG_LISTING_VALIDITY_MONTHS`: the default validity after the incident. */
  validityMonths: number;
}

export type RowPlan =
  /** The validity has ended: the row is not taken over at all (its data is due for deletion). */
  { take: false; endedOn: string } | { take: true; listing: ListingPlan };

export type ListingPlan =
  | { propose: true; validUntil: string; categories: LegacyRow['categories'] }
  | { propose: false; reason: LegacyMessage };

/**
 * What becomes of a row. Its validity is "Gültig bis", or — as for any listing — the configured
 * months after the incident. When that lies in the past, the row is **not imported**: ZeMAG
 * would have deleted it by now, and a new system must not revive data the old one should have
 * deleted. Otherwise the person and incident are imported, and a listing is proposed when the
 * listing rule holds (`missingListingCondition`: a confirmed incident of level 2 or 3 with a
 * criminal complaint), a category can be listed (insult cannot) and the validity is at most five
 * years ahead.
 */
export function planRow(row: PlannedRow, { today, validityMonths }: PlanOptions): RowPlan {
  const validUntil = row.validUntil ?? addMonths(row.incidentDate, validityMonths);
  if (validUntil <= today) return { take: false, endedOn: validUntil };
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
  if (missing || categories.length === 0) {
    return { take: true, listing: { propose: false, reason: 'listing.not_qualified' } };
  }
  if (validUntil > addMonths(today, MAX_VALIDITY_MONTHS)) {
    return { take: true, listing: { propose: false, reason: 'listing.valid_until_invalid' } };
  }
  return { take: true, listing: { propose: true, validUntil, categories } };
}
