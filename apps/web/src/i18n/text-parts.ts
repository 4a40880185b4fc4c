import type { i18n } from 'i18next';

/**
 * German texts of the registrars', the administration's and the data protection officer's
 * pages, loaded with those pages (scripts/split-i18n.mjs moves them out of de.json; the audit
 * log's were written as a part from the start): the first download of a field employee's phone
 * holds only the texts it shows. English is one file and already has them.
 */
const GERMAN_PARTS = {
  review: () => import('./parts/review.de.json'),
  subjectRequests: () => import('./parts/subjectRequests.de.json'),
  admin: () => import('./parts/admin.de.json'),
  audit: () => import('./parts/audit.de.json'),
  records: () => import('./parts/records.de.json'),
  statistics: () => import('./parts/statistics.de.json'),
} as const;

export type TextPart = keyof typeof GERMAN_PARTS;

let current: i18n | undefined;

/** The app's i18next instance (createI18n registers it). */
export function addPartsTo(instance: i18n): void {
  current = instance;
}

/** Adds the German texts of these parts before a page that shows them is drawn. */
export async function loadTexts(...parts: TextPart[]): Promise<void> {
  const texts = await Promise.all(parts.map((part) => GERMAN_PARTS[part]()));
  for (const { default: bundle } of texts)
    current?.addResourceBundle('de', 'translation', bundle, true, false);
}
