/**
 * Dates of birth that may be partial (year and month, year only, unknown) and a tolerant
 * comparison that says how two dates agree, for ranking and for the explanation shown.
 */

/** A date of birth as far as it is known; month and day are 1-based. */
export type PartialDate =
  | { precision: 'day'; year: number; month: number; day: number }
  | { precision: 'month'; year: number; month: number }
  | { precision: 'year'; year: number }
  | { precision: 'unknown' };

/** The unknown date of birth. */
export const UNKNOWN_DATE: PartialDate = { precision: 'unknown' };

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validYear(year: number) {
  return Number.isInteger(year) && year >= 1850 && year <= 2200;
}

/**
 * Reads "1980-05-17", "19800517", "17.05.1980", "1980-05", "05.1980", "1980" and "" or
 * "unbekannt" (unknown). Two-digit years are refused as ambiguous; undefined for text that is
 * not a date or an impossible one (31.02.1980).
 */
export function parsePartialDate(input: string): PartialDate | undefined {
  const text = input.trim();
  if (text === '' || /^(unbekannt|unknown|\?+)$/i.test(text)) return UNKNOWN_DATE;
  let year: number;
  let month: number | undefined;
  let day: number | undefined;
  let m: RegExpExecArray | null;
  if (
    (m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)) ||
    (m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))
  ) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) {
    [year, month] = [Number(m[1]), Number(m[2])];
  } else if ((m = /^(\d{1,2})[./](\d{4})$/.exec(text))) {
    [month, year] = [Number(m[1]), Number(m[2])];
  } else if ((m = /^(\d{4})$/.exec(text))) {
    year = Number(m[1]);
  } else return undefined;
  return partialDate({ year, month, day });
}

/** Builds a partial date from parts that may be missing; undefined when impossible. */
export function partialDate(parts: {
  year?: number | undefined;
  month?: number | undefined;
  day?: number | undefined;
}): PartialDate | undefined {
  const { year, month, day } = parts;
  if (year === undefined)
    return month === undefined && day === undefined ? UNKNOWN_DATE : undefined;
  if (!validYear(year)) return undefined;
  if (month === undefined) return day === undefined ? { precision: 'year', year } : undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === undefined) return { precision: 'month', year, month };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { precision: 'day', year, month, day };
}

/** ISO-like text of a partial date: "1980-05-17", "1980-05", "1980", "". */
export function formatPartialDate(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (date.precision) {
    case 'day':
      return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
    case 'month':
      return `${date.year}-${pad(date.month)}`;
    case 'year':
      return String(date.year);
    case 'unknown':
      return '';
  }
}

/**
 * How two dates of birth agree, best first:
 * - `exact`: the same full date;
 * - `compatible`: equal as far as both are known (one side is year-month or year only);
 * - `swapped`: day and month exchanged (05.12. for 12.05.);
 * - `one_digit`: one digit differs in the written date (typo);
 * - `transposed_digits`: two neighbouring digits exchanged (1989 for 1998, 13 for 31);
 * - `year_off_by_one`: the same day and month a year apart;
 * - `unknown`: at least one side has no date, so it neither supports nor contradicts;
 * - `different`: contradicts.
 */
export type DateAgreement =
  | 'exact'
  | 'compatible'
  | 'swapped'
  | 'one_digit'
  | 'transposed_digits'
  | 'year_off_by_one'
  | 'unknown'
  | 'different';

/** Weight of each agreement in [−1, 1]: positive supports a match, negative contradicts it. */
export const DATE_AGREEMENT_WEIGHT: Readonly<Record<DateAgreement, number>> = {
  exact: 1,
  compatible: 0.6,
  swapped: 0.75,
  one_digit: 0.6,
  transposed_digits: 0.6,
  year_off_by_one: 0.4,
  unknown: 0,
  different: -1,
};

function digits(date: PartialDate & { precision: 'day' }) {
  return formatPartialDate(date).replace(/-/g, '');
}

function differingPositions(a: string, b: string) {
  const positions: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) positions.push(i);
  return positions;
}

/** Compares a date of birth that was asked for with the one stored, tolerating typical errors. */
export function compareDates(asked: PartialDate, stored: PartialDate): DateAgreement {
  if (asked.precision === 'unknown' || stored.precision === 'unknown') return 'unknown';
  if (asked.precision === 'day' && stored.precision === 'day') {
    if (asked.year === stored.year && asked.month === stored.month && asked.day === stored.day) {
      return 'exact';
    }
    if (asked.year === stored.year && asked.month === stored.day && asked.day === stored.month) {
      return 'swapped';
    }
    const a = digits(asked);
    const b = digits(stored);
    const diff = differingPositions(a, b);
    if (diff.length === 1) return 'one_digit';
    if (diff.length === 2 && diff[1] === (diff[0] as number) + 1) {
      const [i] = diff as [number];
      if (a[i] === b[i + 1] && a[i + 1] === b[i]) return 'transposed_digits';
    }
    if (
      Math.abs(asked.year - stored.year) === 1 &&
      asked.month === stored.month &&
      asked.day === stored.day
    ) {
      return 'year_off_by_one';
    }
    return 'different';
  }
  // At least one side is partial: compare what both know.
  if (asked.year !== stored.year) {
    return Math.abs(asked.year - stored.year) === 1 ? 'year_off_by_one' : 'different';
  }
  if ('month' in asked && 'month' in stored && asked.month !== stored.month) {
    // A known day on one side may be the month swapped into the other's month.
    const dayOf = (d: PartialDate) => ('day' in d ? d.day : undefined);
    if (dayOf(asked) === stored.month || dayOf(stored) === asked.month) return 'swapped';
    return 'different';
  }
  return 'compatible';
}
