import { ERROR_TEXTS_DE } from '@zemag/contracts';
import de from './de.json';
import { withErrorTexts } from './error-texts';
import lookupDe from './lookup.de.json';
import visitsDe from './visits.de.json';

/**
 * The German catalogue: the main file and one file per larger feature (top-level key `lookup`,
 * `visits`) so that features can grow without touching the same file. The error codes' texts
 * come from the contracts, shared with the API.
 */
export const german = {
  ...de,
  errors: withErrorTexts(de.errors, ERROR_TEXTS_DE),
  lookup: lookupDe,
  visits: visitsDe,
};
