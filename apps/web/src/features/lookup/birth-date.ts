/**
 * Dates of birth as field staff type them: `17.05.1980`, `17.5.1980`, `05.1980`, `1980`, or
 * ISO (`1980-05-17`). The look-up takes an ISO partial date (`1980-05-17`, `1980-05`, `1980`).
 */

/** What a typed date of birth reads as. */
export type BirthDateInput =
  | { kind: 'empty' }
  | { kind: 'date'; value: string }
  | { kind: 'invalid'; reason: 'format' | 'no_such_day' | 'in_future' | 'too_old' };

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The oldest year accepted: nobody visited was born before it. */
const MIN_YEAR = 1900;

function build(
  year: number,
  month: number | undefined,
  day: number | undefined,
  today: string,
): BirthDateInput {
  if (year < MIN_YEAR) return { kind: 'invalid', reason: 'too_old' };
  if (month !== undefined && (month < 1 || month > 12)) {
    return { kind: 'invalid', reason: 'no_such_day' };
  }
  if (day !== undefined && (day < 1 || day > daysIn(year, month!))) {
    return { kind: 'invalid', reason: 'no_such_day' };
  }
  const value = [String(year), ...(month ? [pad(month)] : []), ...(day ? [pad(day)] : [])].join(
    '-',
  );
  // A partial date is in the future only when all of it is (`2026` is fine in 2026).
  if (value > today.slice(0, value.length)) return { kind: 'invalid', reason: 'in_future' };
  return { kind: 'date', value };
}

/**
 * Reads a typed date of birth. `today` (`YYYY-MM-DD`) rules out dates in the future. Two-digit
 * years are refused: `17.05.20` could be 1920 or 2020.
 */
export function parseBirthDate(text: string, today: string): BirthDateInput {
  const input = text.trim();
  if (input === '') return { kind: 'empty' };
  let m = /^(\d{4})$/.exec(input);
  if (m) return build(Number(m[1]), undefined, undefined, today);
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(input);
  if (m) return build(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined, today);
  m = /^(\d{1,2})\s*[./]\s*(\d{4})$/.exec(input);
  if (m) return build(Number(m[2]), Number(m[1]), undefined, today);
  m = /^(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})$/.exec(input);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), today);
  return { kind: 'invalid', reason: 'format' };
}

/** An ISO partial date for people: `17.05.1980`, `05.1980`, `1980` (en: `17/05/1980`). */
export function formatBirthDate(value: string, language: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const separator = language.toLowerCase().startsWith('en') ? '/' : '.';
  return [m[3], m[2], m[1]].filter(Boolean).join(separator);
}
