import { ERROR_TEXTS_EN } from '@zemag/contracts';
import en from './en.json';
import { withErrorTexts } from './error-texts';
import lookupEn from './lookup.en.json';
import visitsEn from './visits.en.json';

/** The English catalogue, built like the German one (catalogue.de.ts); loaded on demand. */
export const english = {
  ...en,
  errors: withErrorTexts(en.errors, ERROR_TEXTS_EN),
  lookup: lookupEn,
  visits: visitsEn,
};
