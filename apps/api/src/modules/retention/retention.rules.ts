import { addMonths, localDate } from '../../local-date.js';
import { RETENTION_RULES, type RetentionRule } from './retention.settings.js';

/**
 * When a rule's period is over, as a point in time: an item whose date (closing, last change,
 * occurrence, erasure, look-up) lies before it is due. Periods are whole calendar days of the
 * city: with 6 months, on 15 July (local) everything from before 15 January 00:00 local is due,
 * and an item of 15 January itself stays until 15 July is over.
 */
export type RetentionCutoffs = Record<RetentionRule, Date>;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the wall clock of `timeZone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const wall = Date.UTC(
    Number(part.year),
    Number(part.month) - 1,
    Number(part.day),
    Number(part.hour),
    Number(part.minute),
    Number(part.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** 00:00 of the calendar date `YYYY-MM-DD` in `timeZone`, as an instant. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(second);
}

/** The cutoff of every rule at `now`: today (city date) minus its months, at local midnight. */
export function retentionCutoffs({
  now,
  timeZone,
  months,
}: {
  now: Date;
  timeZone: string;
  months: Record<RetentionRule, number>;
}): RetentionCutoffs {
  const today = localDate(now, timeZone);
  const cutoffs = {} as RetentionCutoffs;
  for (const rule of RETENTION_RULES) {
    cutoffs[rule] = startOfLocalDay(addMonths(today, -months[rule]), timeZone);
  }
  return cutoffs;
}

/**
 * Listings valid until a date stay active through that whole day (city time): they are due to
 * expire when their valid-until is before today.
 */
export function expiryDate(now: Date, timeZone: string): string {
  return localDate(now, timeZone);
}

/** What a run reports (the CLI prints it as its last line). */
export interface RetentionResult {
  dry_run: boolean;
  expired: number;
  due: number;
  deleted: number;
  by_kind: Record<string, number>;
}

/** Adds `counts` into `into` (kinds with 0 are left out, so the result names what happened). */
export function addCounts(into: Record<string, number>, counts: Record<string, number>) {
  for (const [kind, n] of Object.entries(counts)) {
    if (n > 0) into[kind] = (into[kind] ?? 0) + n;
  }
}
