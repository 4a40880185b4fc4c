import { german as firstDownload } from './catalogue.de';
import admin from './parts/admin.de.json';
import audit from './parts/audit.de.json';
import records from './parts/records.de.json';
import review from './parts/review.de.json';
import statistics from './parts/statistics.de.json';
import subjectRequests from './parts/subjectRequests.de.json';
import { english } from './catalogue.en';

/** Deep merge of a part's texts into the first download's (as i18next's addResourceBundle). */
function merged(target: Record<string, unknown>, source: Record<string, unknown>) {
  const result = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = result[key];
    result[key] =
      typeof value === 'object' && value !== null && typeof existing === 'object' && existing
        ? merged(existing as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return result;
}

const german = [admin, audit, records, review, statistics, subjectRequests].reduce<
  Record<string, unknown>
>((all, part) => merged(all, part), firstDownload);

/**
 * Both catalogues whole, German with its parts, for the tests that compare them (the app loads
 * English and the German parts lazily).
 */
export const catalogues = { de: german, en: english } as const;
