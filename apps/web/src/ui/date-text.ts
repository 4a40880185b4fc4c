/**
 * Dates as people type and read them: `14.03.1978`, `1.3.1978`, `14/03/1978`, ISO `1978-03-14`,
 * and — where a field takes a date known only in part — `03.1978` and `1978`. The API always
 * gets ISO (`1978-03-14`, `1978-03`, `1978`).
 */

/** What a typed date reads as. */
export type DateText =
  | { kind: 'empty' }
  | { kind: 'date'; value: string }
  | { kind: 'invalid'; reason: 'format' | 'no_such_day' | 'in_future' | 'too_old' };

/** How a field reads its dates. */
export interface DateTextRules {
  /** Month and year (`03.1978`) or the year alone (`1978`) are accepted too. */
  partial?: boolean;
  /** `YYYY-MM-DD`: a later date is refused (dates of birth, days something happened). */
  notAfter?: string;
  /** The oldest year accepted (default 1900). */
  minYear?: number;
}

/** No date anybody types is longer; longer input is refused before any pattern runs. */
const MAX_LENGTH = 24;

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  year: number,
  month: number | undefined,
  day: number | undefined,
  rules: DateTextRules,
): DateText {
  if (year < (rules.minYear ?? 1900)) return { kind: 'invalid', reason: 'too_old' };
  if (month !== undefined && (month < 1 || month > 12)) {
    return { kind: 'invalid', reason: 'no_such_day' };
  }
  if (day !== undefined && (day < 1 || day > daysIn(year, month!))) {
    return { kind: 'invalid', reason: 'no_such_day' };
  }
  const value = [String(year), ...(month ? [pad(month)] : []), ...(day ? [pad(day)] : [])].join(
    '-',
  );
  // A partial date is too late only when all of it is (`2026` is fine on 2026-11-27).
  if (rules.notAfter && value > rules.notAfter.slice(0, value.length)) {
    return { kind: 'invalid', reason: 'in_future' };
  }
  return { kind: 'date', value };
}

/**
 * Reads a typed date. Two-digit years are refused: `14.03.78` could be 1878, 1978 or 2078.
 * Only ASCII digits count (`\d` without the `u` flag), so look-alike digits are refused.
 */
export function parseDateText(text: string, rules: DateTextRules = {}): DateText {
  const input = text.trim();
  if (input === '') return { kind: 'empty' };
  if (input.length > MAX_LENGTH) return { kind: 'invalid', reason: 'format' };
  const partial = rules.partial ?? false;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), rules);
  m = /^(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})$/.exec(input);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), rules);
  if (!partial) return { kind: 'invalid', reason: 'format' };
  m = /^(\d{4})$/.exec(input);
  if (m) return build(Number(m[1]), undefined, undefined, rules);
  m = /^(\d{4})-(\d{1,2})$/.exec(input);
  if (m) return build(Number(m[1]), Number(m[2]), undefined, rules);
  m = /^(\d{1,2})\s*[./]\s*(\d{4})$/.exec(input);
  if (m) return build(Number(m[2]), Number(m[1]), undefined, rules);
  return { kind: 'invalid', reason: 'format' };
}

/** Whether a value is an ISO date as the API sends it (`1978-03-14`, `1978-03`, `1978`). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value);
}

/**
 * An ISO (partial) date for people: `14.03.1978`, `03.1978`, `1978` in German, `14/03/1978` in
 * English. Anything else is shown as it is.
 */
export function formatDateText(value: string, language: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const separator = language.toLowerCase().startsWith('en') ? '/' : '.';
  return [m[3], m[2], m[1]].filter(Boolean).join(separator);
}
