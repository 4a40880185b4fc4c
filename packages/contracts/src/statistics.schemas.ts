import { z } from 'zod';
import { LocalizedText } from './errors.js';

/** A calendar month of the city, `YYYY-MM` (2000–2099). */
export const StatisticsMonth = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM, e.g. 2026-03');
export type StatisticsMonth = z.infer<typeof StatisticsMonth>;

/**
 * The period of the statistics, both months included. Without `from`: the month of the oldest
 * report the register still holds; without `to`: the current month. At most 120 months.
 */
export const StatisticsQuery = z.object({
  from: StatisticsMonth.optional(),
  to: StatisticsMonth.optional(),
});
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

/** Counts below this are withheld (and more, so that totals do not give them away). */
export const STATISTICS_MIN_COUNT = 5;

/** A count, or null: withheld (below 5, or withheld so that a small count cannot be worked out). */
export const StatisticsCount = z.number().int().nonnegative().nullable();
export type StatisticsCount = z.infer<typeof StatisticsCount>;

/**
 * A row or column: `key` is a code (month `2026-03`, level `2`, category `threat`, department
 * code, look-up reason; `-`: without a department); `label` names what the register itself
 * names (departments, look-up reasons), null where the app has the words.
 */
export const StatisticsKey = z.object({ key: z.string(), label: LocalizedText.nullable() });
export type StatisticsKey = z.infer<typeof StatisticsKey>;

export const StatisticsRow = StatisticsKey.extend({ count: StatisticsCount });
export type StatisticsRow = z.infer<typeof StatisticsRow>;

/** A breakdown in which every item is counted once: the rows add up to `total`. */
export const StatisticsSeries = z.object({ rows: z.array(StatisticsRow), total: StatisticsCount });
export type StatisticsSeries = z.infer<typeof StatisticsSeries>;

/** Counts that do not add up to one total (an incident may have several categories). */
export const StatisticsList = z.object({ rows: z.array(StatisticsRow) });
export type StatisticsList = z.infer<typeof StatisticsList>;

/** A cross table: `cells[row][column]`, with row, column and grand totals. */
export const StatisticsGrid = z.object({
  rows: z.array(StatisticsKey),
  columns: z.array(StatisticsKey),
  cells: z.array(z.array(StatisticsCount)),
  rowTotals: z.array(StatisticsCount),
  columnTotals: z.array(StatisticsCount),
  total: StatisticsCount,
});
export type StatisticsGrid = z.infer<typeof StatisticsGrid>;

/** The listing figures of the period (`LISTING_FIGURES`): not parts of one total. */
export const LISTING_FIGURES = ['active_at_end', 'activated', 'expired', 'ended'] as const;
/** Persons linked to reports of the period, by how many of them (`3+`: three or more). */
export const PERSON_REPORT_BANDS = ['1', '2', '3+'] as const;
/** Reports by where their review stands. */
export const REVIEW_STATES = ['open', 'confirmed', 'rejected'] as const;

/**
 * The statistics of a period (`statistics.read`): counts only, no person, no name, no address,
 * no file number; counts below 5 withheld (README "Statistics").
 */
export const StatisticsReport = z.object({
  period: z.object({ from: StatisticsMonth, to: StatisticsMonth }),
  minimumCount: z.number().int(),
  incidents: z.object({
    /** By the month the incident happened (the city's calendar). */
    byMonth: StatisticsSeries,
    /** Aachener Modell level as it stands (`none`: a one-tap report not yet classified). */
    byLevel: StatisticsSeries,
    /** The reporter's department at the time of the report. */
    byDepartment: StatisticsSeries,
    byReview: StatisticsSeries,
    byCategory: StatisticsList,
  }),
  listings: StatisticsList,
  persons: StatisticsSeries,
  /** Look-ups (visit list entries included) by the department of the employee and the reason. */
  lookups: StatisticsGrid,
});
export type StatisticsReport = z.infer<typeof StatisticsReport>;

/** The CSV export's columns, in order (German headers in the file). */
export const STATISTICS_CSV_COLUMNS = [
  ['from', 'Von'],
  ['to', 'Bis'],
  ['table', 'Tabelle'],
  ['row', 'Zeile'],
  ['column', 'Spalte'],
  ['count', 'Anzahl'],
  ['note', 'Hinweis'],
] as const;
