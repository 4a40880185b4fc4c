import { AppError } from '../../http/app-error.js';
import { startOfLocalDay } from '../retention/retention.rules.js';
import type { Period } from './statistics.repository.js';

/** The longest period one answer covers (ten years: the register keeps nothing older). */
export const MAX_PERIOD_MONTHS = 120;

/** `2026-03` → months since year 0, and back. */
const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const month = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

/** `month` plus `months` calendar months. */
export const addMonth = (from: string, months: number) => month(index(from) + months);

/** Every month from `from` to `to`, both included. */
export function monthsOf(from: string, to: string): string[] {
  return Array.from({ length: index(to) - index(from) + 1 }, (_, k) => month(index(from) + k));
}

/**
 * The months asked for, completed: without `to` the current month, without `from` the month
 * of the oldest report (the current month on an empty register), no further back than 120
 * months before `to`. A reversed or longer period is refused, naming the field to correct.
 */
export function resolvePeriod({
  from,
  to,
  currentMonth,
  oldestMonth,
}: {
  from?: string | undefined;
  to?: string | undefined;
  currentMonth: string;
  oldestMonth: string | null;
}): { from: string; to: string } {
  const last = to ?? currentMonth;
  let first = from;
  if (first === undefined) {
    const oldest = oldestMonth !== null && oldestMonth <= last ? oldestMonth : last;
    first =
      index(last) - index(oldest) >= MAX_PERIOD_MONTHS
        ? addMonth(last, 1 - MAX_PERIOD_MONTHS)
        : oldest;
  }
  if (index(last) < index(first)) {
    throw new AppError(400, 'statistics.period_reversed', { field: to ? 'to' : 'from' });
  }
  if (index(last) - index(first) >= MAX_PERIOD_MONTHS) {
    throw new AppError(400, 'statistics.period_too_long', { field: 'from' });
  }
  return { from: first, to: last };
}

/** The period as instants: local midnight of its first day to that of the month after it. */
export function periodInstants(
  { from, to }: { from: string; to: string },
  timeZone: string,
): Period {
  return {
    start: startOfLocalDay(`${from}-01`, timeZone),
    end: startOfLocalDay(`${addMonth(to, 1)}-01`, timeZone),
    timeZone,
  };
}
