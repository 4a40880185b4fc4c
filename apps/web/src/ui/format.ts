/** Formats a calendar date (`YYYY-MM-DD`) for the UI language, e.g. `10.03.2026`. */
export function formatDate(date: string, language: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    parsed,
  );
}

/**
 * Formats a date that may be known only in part: `1978-03-14` → `14.03.1978`, `1978-03` →
 * `03.1978`, `1978` → `1978` (in English `14 Mar 1978`, `03/1978`). Anything else stays as it is.
 */
export function formatPartialDate(date: string, language: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year!;
  // Intl writes month and year alone as `03/1978` in German too: written out here.
  if (!day) return `${month}${locale(language) === 'de-DE' ? '.' : '/'}${year}`;
  return formatDate(date, language);
}

/** Formats an instant (ISO 8601) in the browser's time zone. */
export function formatDateTime(instant: string, language: string, timeZone?: string): string {
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return instant;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(parsed);
}

/** Today as `YYYY-MM-DD` in the browser's time zone (for date inputs and comparisons). */
export function localToday(now: Date = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

function locale(language: string): string {
  return language.toLowerCase().startsWith('en') ? 'en-GB' : 'de-DE';
}
