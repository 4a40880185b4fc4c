import {
  csvRow,
  STATISTICS_CSV_COLUMNS,
  type StatisticsCount,
  type StatisticsKey,
  type StatisticsReport,
  type StatisticsRow,
} from '@zemag/contracts';
import { CATEGORY_LABELS } from '../letters/letter.content.js';
import { NO_DEPARTMENT } from './statistics.repository.js';

/** German words of the fixed keys (the app has its own, in both languages). */
const WORDS: Record<string, Record<string, string>> = {
  level: {
    '0': 'Stufe 0',
    '1': 'Stufe 1',
    '2': 'Stufe 2',
    '3': 'Stufe 3',
    none: 'noch ohne Stufe',
  },
  review: { open: 'in Prüfung', confirmed: 'bestätigt', rejected: 'abgelehnt' },
  category: CATEGORY_LABELS,
  listing: {
    active_at_end: 'aktiv am Ende des Zeitraums',
    activated: 'aktiviert',
    expired: 'abgelaufen',
    ended: 'beendet',
  },
  persons: { '1': 'in 1 Meldung', '2': 'in 2 Meldungen', '3+': 'in 3 oder mehr Meldungen' },
};

const WITHHELD = 'gesperrt (weniger als 5 oder zum Schutz einer kleinen Zahl)';
const TOTAL = 'Summe';

function name(kind: keyof typeof WORDS | 'month' | 'department' | 'reason', key: StatisticsKey) {
  if (key.label) return key.label.de;
  if (kind === 'department') return key.key === NO_DEPARTMENT ? 'ohne Dienststelle' : key.key;
  if (kind === 'month' || kind === 'reason') return key.key;
  return WORDS[kind]?.[key.key] ?? key.key;
}

/**
 * The report as CSV: one line per count (table, row, column), withheld counts empty with a note,
 * so a spreadsheet can filter and sum; German headers, `;` separated, CRLF.
 */
export function statisticsCsv(report: StatisticsReport): string {
  const { from, to } = report.period;
  const lines: string[] = [csvRow(STATISTICS_CSV_COLUMNS.map(([, header]) => header))];
  const line = (table: string, row: string, column: string, count: StatisticsCount) =>
    lines.push(
      csvRow([
        from,
        to,
        table,
        row,
        column,
        count === null ? '' : count,
        count === null ? WITHHELD : '',
      ]),
    );
  const list = (
    table: string,
    kind: Parameters<typeof name>[0],
    rows: readonly StatisticsRow[],
    total?: StatisticsCount,
  ) => {
    for (const row of rows) line(table, name(kind, row), '', row.count);
    if (total !== undefined) line(table, TOTAL, '', total);
  };
  const { incidents, listings, persons, lookups } = report;
  list('Meldungen je Monat', 'month', incidents.byMonth.rows, incidents.byMonth.total);
  list('Meldungen nach Stufe', 'level', incidents.byLevel.rows, incidents.byLevel.total);
  list(
    'Meldungen nach Dienststelle',
    'department',
    incidents.byDepartment.rows,
    incidents.byDepartment.total,
  );
  list('Meldungen nach Prüfstand', 'review', incidents.byReview.rows, incidents.byReview.total);
  list('Meldungen nach Art (mehrere je Meldung möglich)', 'category', incidents.byCategory.rows);
  list('Eintragungen', 'listing', listings.rows);
  list('Personen nach Zahl ihrer Meldungen', 'persons', persons.rows, persons.total);
  const table = 'Abfragen nach Dienststelle und Grund';
  lookups.rows.forEach((department, i) => {
    lookups.columns.forEach((reason, j) =>
      line(table, name('department', department), name('reason', reason), lookups.cells[i]![j]!),
    );
    line(table, name('department', department), TOTAL, lookups.rowTotals[i]!);
  });
  lookups.columns.forEach((reason, j) =>
    line(table, TOTAL, name('reason', reason), lookups.columnTotals[j]!),
  );
  line(table, TOTAL, TOTAL, lookups.total);
  return `${lines.join('\r\n')}\r\n`;
}
