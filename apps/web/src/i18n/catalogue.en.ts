import en from './en.json';
import lookupEn from './lookup.en.json';
import visitsEn from './visits.en.json';

/** The English catalogue, built like the German one (catalogue.de.ts); loaded on demand. */
export const english = { ...en, lookup: lookupEn, visits: visitsEn };
