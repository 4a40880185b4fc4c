import { DEFAULT_PRECAUTIONS, Precaution } from '@zemag/contracts';
import { z } from 'zod';

export interface ListingConfig {
  /** Default validity of a listing: months after its latest incident. */
  validityMonths: number;
  /** The precaution catalogue registrars choose from. */
  precautions: Precaution[];
}

const Catalogue = z
  .array(
    Precaution.extend({
      code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
      de: z.string().min(1).max(200),
      en: z.string().min(1).max(200),
    }),
  )
  .min(1)
  .max(40)
  .refine((list) => new Set(list.map((p) => p.code)).size === list.length, 'codes must be unique');

/**
 * Listing settings from the environment: `ZEMAG_LISTING_VALIDITY_MONTHS` and
 * `ZEMAG_PRECAUTIONS` (JSON array of {code, de, en}; the German defaults of the brief otherwise).
 * Problems are added to `problems`, so the operator sees them all at once.
 */
export function readListingSettings(
  env: { ZEMAG_LISTING_VALIDITY_MONTHS: number; ZEMAG_PRECAUTIONS?: string | undefined },
  problems: string[],
): ListingConfig {
  let precautions: Precaution[] = DEFAULT_PRECAUTIONS.map((p) => ({ ...p }));
  if (env.ZEMAG_PRECAUTIONS) {
    let json: unknown;
    try {
      json = JSON.parse(env.ZEMAG_PRECAUTIONS);
    } catch {
      problems.push('ZEMAG_PRECAUTIONS: not valid JSON');
    }
    if (json !== undefined) {
      const parsed = Catalogue.safeParse(json);
      if (parsed.success) precautions = parsed.data;
      else {
        problems.push(
          `ZEMAG_PRECAUTIONS: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'list'} ${i.message}`).join('; ')}`,
        );
      }
    }
  }
  return { validityMonths: env.ZEMAG_LISTING_VALIDITY_MONTHS, precautions };
}
