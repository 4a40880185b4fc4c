/**
 * Dates as people type them in German lists, read into the ISO forms the register stores
 * (`PartialDate`: `1980-05-17`, `1980-05`, `1980`).
 */

import { formatPartialDate, parsePartialDate } from '../matching/date-of-birth.js';

export type GermanDateResult = { ok: true; date: string } | { ok: false };

/** Years accepted as a date of birth (or an incident): no two-digit years, no typos like 198. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/** True when the text looks like a date (so it is not a name or house number), valid or not. */
export function looksLikeDate(text: string): boolean {
  return /^(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\.\d{4}|\d{4}-\d{2}(-\d{2})?|(19|20)\d{2})$/.test(
    text.trim(),
  );
}

/** The forms read here; the look-up's `parsePartialDate` knows a few more (`19800517`, `unbekannt`). */
const GERMAN_OR_ISO =
  /^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{4}|\d{4}-\d{2}|\d{4})$/;

/**
 * `17.05.1980`, `17.5.1980`, `05.1980`, `1980`, `1980-05-17`, `1980-05` → ISO partial date.
 * Two-digit years (`17.05.80`) are refused: the century cannot be told.
 */
export function parseGermanDate(text: string): GermanDateResult {
  const t = text.trim();
  const date = GERMAN_OR_ISO.test(t) ? parsePartialDate(t) : undefined;
  if (!date || date.precision === 'unknown' || date.year < MIN_YEAR || date.year > MAX_YEAR) {
    return { ok: false };
  }
  return { ok: true, date: formatPartialDate(date) };
}
