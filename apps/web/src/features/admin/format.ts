/** Formats a calendar date (`YYYY-MM-DD`) for the UI language, e.g. `10.03.2026`. */
export function formatDate(date: string, language: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    parsed,
  );
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
