import { DEFAULT_PRECAUTIONS, type Precaution } from '@zemag/contracts';
import { readCatalogue } from '../../config-catalogue.js';

export interface ListingConfig {
  /** Default validity of a listing: months after its latest incident. */
  validityMonths: number;
  /** The precaution catalogue registrars choose from. */
  precautions: Precaution[];
  /** Days before valid-until from which a listing is due for review. */
  reviewWindowDays: number;
}

/**
 * Listing settings from the environment: `ZEMAG_LISTING_VALIDITY_MONTHS` and
 * `ZEMAG_PRECAUTIONS` (JSON array of {code, de, en}; the German defaults of the brief otherwise),
 * `ZEMAG_REVIEW_WINDOW_DAYS` (the review queue's window, default 30).
 * Problems are added to `problems`, so the operator sees them all at once.
 */
export function readListingSettings(
  env: {
    ZEMAG_LISTING_VALIDITY_MONTHS: number;
    ZEMAG_PRECAUTIONS?: string | undefined;
    ZEMAG_REVIEW_WINDOW_DAYS?: number;
  },
  problems: string[],
): ListingConfig {
  const precautions = readCatalogue(
    'ZEMAG_PRECAUTIONS',
    env.ZEMAG_PRECAUTIONS,
    DEFAULT_PRECAUTIONS,
    problems,
  );
  return {
    validityMonths: env.ZEMAG_LISTING_VALIDITY_MONTHS,
    precautions,
    reviewWindowDays: env.ZEMAG_REVIEW_WINDOW_DAYS ?? 30,
  };
}
