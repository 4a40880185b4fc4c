import { createHash } from 'node:crypto';
import {
  type ComplaintStatus,
  type IncidentCategory,
  type LocalizedText,
  type Precaution,
} from '@zemag/contracts';
import { parseGermanDate } from '../visits/german-date.js';
import { readAddress } from '../visits/visit-list.line.js';
import { headerKey } from '../visits/visit-list.parse.js';
import {
  CATEGORY_NAMES,
  COMPLAINT_VALUES,
  GERMAN_COLUMN,
  LEGACY_COLUMNS,
  REQUIRED_COLUMNS,
  type LegacyColumn,
} from './legacy-import.columns.js';
import type { DetectedEncoding, LegacyEncoding } from './legacy-import.encoding.js';
import { legacyMessage, type LegacyMessage } from './legacy-import.messages.js';
import { readLegacyFile, type LegacySource } from './legacy-import.read.js';

export interface LegacyName {
  familyName: string;
  givenNames: string | null;
}
export interface LegacyAddress {
  street: string;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
}

/** One valid row of the file, ready to import. */
export interface LegacyRow {
  /** Line number in the file (the header is line 1), as a spreadsheet shows it. */
  row: number;
  reference: string;
  familyName: string;
  givenNames: string | null;
  dateOfBirth: string | null;
  aliases: LegacyName[];
  formerNames: LegacyName[];
  addresses: LegacyAddress[];
  level: 1 | 2 | 3;
  categories: IncidentCategory[];
  incidentDate: string;
  criminalComplaint: { status: ComplaintStatus; fileNumber: string | null };
  precautions: string[];
  precautionsText: string | null;
  validUntil: string | null;
  note: string | null;
  /** SHA-256 of the values: a re-run tells an unchanged row from a changed one. */
  hash: string;
}

/** A problem with one cell (or the file: row 0 / 1), named by row, column and field. */
export interface LegacyProblem {
  row: number;
  field: LegacyColumn | 'file';
  /** The column as the file names it (or the German name when the column is missing). */
  column: string;
  /** File problems (encoding, NUL): the character in the line, from 1. */
  char?: number;
  message: LocalizedText;
}

export type LegacyParseResult =
  | { ok: true; rows: LegacyRow[]; problems: LegacyProblem[] }
  | { ok: false; problems: LegacyProblem[] };

/** What checking the file yields, row by row (a stream: nothing is held but the references). */
export type LegacyRowEvent =
  | { kind: 'encoding'; encoding: DetectedEncoding }
  | { kind: 'row'; row: LegacyRow }
  /** An invalid row: not imported, every problem named; the rest of the file goes on. */
  | { kind: 'invalid'; row: number; problems: LegacyProblem[] }
  /** The file as a whole cannot be imported (encoding, missing columns, an unclosed quote). */
  | { kind: 'refused'; problems: LegacyProblem[] };

interface ReadOptions {
  precautions: readonly Precaution[];
  today: string;
  encoding?: LegacyEncoding;
  /** Only decode the file through (encoding, NUL): no CSV, no rows. */
  decodeOnly?: boolean;
}

function headerColumns(cells: string[]) {
  return cells.map((cell) => {
    const key = headerKey(cell);
    const column = (Object.keys(LEGACY_COLUMNS) as LegacyColumn[]).find((c) =>
      (LEGACY_COLUMNS[c] as readonly string[]).includes(key),
    );
    return { column: column ?? null, name: cell };
  });
}

/**
 * Reads and checks a legacy spreadsheet as a stream (see `readLegacyFile` for encodings and
 * CSV). Every problem is named by row, column and field; a row with a problem is not imported.
 */
export async function* legacyRows(
  source: LegacySource,
  { precautions, today, encoding, decodeOnly = false }: ReadOptions,
): AsyncGenerator<LegacyRowEvent> {
  let columns: ReturnType<typeof headerColumns> = [];
  const seen = new Map<string, number>();
  const fileProblem = (
    row: number,
    code: LegacyMessage,
    params?: Record<string, string | number>,
    char?: number,
  ) => ({
    row,
    field: 'file' as const,
    column: '',
    ...(char === undefined ? {} : { char }),
    message: legacyMessage(code, params),
  });
  for await (const event of readLegacyFile(source, encoding, decodeOnly)) {
    if (event.kind === 'encoding') yield event;
    else if (event.kind === 'refused') {
      yield {
        kind: 'refused',
        problems: [fileProblem(event.row, event.code, event.params, event.char)],
      };
      return;
    } else if (event.kind === 'header') {
      columns = headerColumns(event.cells);
      const missing = REQUIRED_COLUMNS.filter((c) => !columns.some((col) => col.column === c));
      if (missing.length > 0) {
        yield {
          kind: 'refused',
          problems: missing.map((c) => ({
            row: 1,
            field: c,
            column: GERMAN_COLUMN[c],
            message: legacyMessage('column.missing'),
          })),
        };
        return;
      }
    } else if (event.kind === 'bad-record') {
      const col = event.columnIndex === null ? undefined : columns[event.columnIndex];
      yield {
        kind: 'invalid',
        row: event.row,
        problems: [
          {
            row: event.row,
            field: col?.column ?? 'file',
            column: col?.name ?? (event.columnIndex === null ? '' : `${event.columnIndex + 1}`),
            message: legacyMessage(event.code),
          },
        ],
      };
    } else {
      const { row, cells: record } = event;
      const cells: Partial<Record<LegacyColumn, { value: string; name: string }>> = {};
      columns.forEach((col, i) => {
        if (col.column) cells[col.column] = { value: record[i] ?? '', name: col.name };
      });
      const read = readRow(row, cells, { precautions, today });
      if ('problems' in read) {
        yield { kind: 'invalid', row, problems: read.problems };
        continue;
      }
      const key = read.row.reference.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        const message = legacyMessage('reference.duplicate', { row: earlier });
        yield {
          kind: 'invalid',
          row,
          problems: [{ row, field: 'reference', column: cells.reference!.name, message }],
        };
        continue;
      }
      seen.set(key, row);
      yield { kind: 'row', row: read.row };
    }
  }
}

/** The whole file at once (tests, small files): rows, or why the file cannot be imported. */
export async function parseLegacyFile(
  text: string,
  options: ReadOptions,
): Promise<LegacyParseResult> {
  const rows: LegacyRow[] = [];
  const problems: LegacyProblem[] = [];
  for await (const event of legacyRows({ text }, options)) {
    if (event.kind === 'row') rows.push(event.row);
    else if (event.kind === 'invalid') problems.push(...event.problems);
    else if (event.kind === 'refused')
      return { ok: false, problems: [...problems, ...event.problems] };
  }
  return { ok: true, rows, problems };
}

/**
 * A name cell that starts like a spreadsheet formula (`=`, `+`, `-`, `@`; tab and CR are trimmed
 * away). No name starts so; such a cell is a mistake or an attack on whoever opens an export.
 */
const FORMULA_START = /^[=+\-@]/;

const lists = (value: string) =>
  value
    .split(/[|\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

const catalogues = new WeakMap<readonly Precaution[], Map<string, string>>();

/** The precaution codes by every name they go by (built once per catalogue, not per row). */
function precautionNames(precautions: readonly Precaution[]) {
  let byName = catalogues.get(precautions);
  if (!byName) {
    byName = new Map();
    for (const p of precautions) {
      for (const key of [p.code, p.de, p.en]) byName.set(headerKey(key), p.code);
    }
    catalogues.set(precautions, byName);
  }
  return byName;
}

function readName(text: string): LegacyName {
  const [family, ...given] = text.split(',').map((p) => p.trim());
  return { familyName: family ?? '', givenNames: given.join(' ').trim() || null };
}

/** One data row: every cell checked; all problems of the row are reported at once. */
export function readRow(
  row: number,
  cells: Partial<Record<LegacyColumn, { value: string; name: string }>>,
  { precautions, today }: { precautions: readonly Precaution[]; today: string },
): { row: LegacyRow } | { problems: LegacyProblem[] } {
  const problems: LegacyProblem[] = [];
  const value = (c: LegacyColumn) => (cells[c]?.value ?? '').trim();
  const fail = (
    field: LegacyColumn,
    code: LegacyMessage,
    params?: Record<string, string | number>,
  ) =>
    problems.push({
      row,
      field,
      column: cells[field]?.name ?? GERMAN_COLUMN[field],
      message: legacyMessage(code, params),
    });
  const tooLong = (field: LegacyColumn, max: number) => {
    if (value(field).length > max) fail(field, 'value.too_long', { max });
  };

  const reference = value('reference');
  if (reference === '') fail('reference', 'value.required');
  tooLong('reference', 100);
  const familyName = value('familyName');
  if (!/\p{L}/u.test(familyName)) fail('familyName', 'value.required');
  tooLong('familyName', 100);
  tooLong('givenNames', 100);
  for (const field of ['familyName', 'givenNames'] as const) {
    if (FORMULA_START.test(value(field))) fail(field, 'name.formula');
  }

  let dateOfBirth: string | null = null;
  if (value('dateOfBirth')) {
    const parsed = parseGermanDate(value('dateOfBirth'));
    if (!parsed.ok || parsed.date > today) fail('dateOfBirth', 'date.invalid');
    else dateOfBirth = parsed.date;
  }

  const names = (field: 'aliases' | 'formerNames') => {
    const read = lists(value(field)).map(readName);
    if (read.some((n) => !/\p{L}/u.test(n.familyName) || n.familyName.length > 100)) {
      fail(field, 'name.invalid');
    } else if (read.some((n) => FORMULA_START.test(n.familyName))) fail(field, 'name.formula');
    return read;
  };
  const aliases = names('aliases');
  const formerNames = names('formerNames');

  const addresses: LegacyAddress[] = [];
  lists(value('addresses')).forEach((text, index) => {
    const a = readAddress(text);
    const readable =
      a.street !== undefined &&
      /\p{L}/u.test(a.street) &&
      a.street.length <= 200 &&
      (a.houseNumber ?? '').length <= 20 &&
      (a.city ?? '').length <= 100 &&
      (!a.postalCode || /^\d{5}$/.test(a.postalCode));
    // The message names the address by its position, not its text: reports end up in logs.
    if (!readable || !a.street) fail('addresses', 'address.invalid', { index: index + 1 });
    else {
      addresses.push({
        street: a.street,
        houseNumber: a.houseNumber ?? null,
        postalCode: a.postalCode ?? null,
        city: a.city ?? null,
      });
    }
  });

  const levelMatch = /^(?:stufe\s*)?([123])$/i.exec(value('level'));
  if (!levelMatch) fail('level', 'level.invalid');
  const level = Number(levelMatch?.[1] ?? 0) as 1 | 2 | 3;

  const categories: IncidentCategory[] = [];
  for (const name of value('categories').split(/[|,;\n]/)) {
    if (name.trim() === '') continue;
    const category = CATEGORY_NAMES[headerKey(name)];
    if (!category) fail('categories', 'category.unknown', { text: name.trim() });
    else if (!categories.includes(category)) categories.push(category);
  }
  if (categories.length === 0 && !problems.some((p) => p.field === 'categories')) {
    fail('categories', 'value.required');
  }

  const incident = parseGermanDate(value('incidentDate'));
  let incidentDate = '';
  if (value('incidentDate') === '') fail('incidentDate', 'value.required');
  else if (!incident.ok || incident.date.length !== 10) fail('incidentDate', 'date.full_required');
  else if (incident.date > today) fail('incidentDate', 'date.in_future');
  else incidentDate = incident.date;

  const status = COMPLAINT_VALUES[value('criminalComplaint').toLowerCase()];
  if (!status) fail('criminalComplaint', 'complaint.invalid');
  tooLong('complaintFileNumber', 60);

  const byName = precautionNames(precautions);
  const codes: string[] = [];
  for (const name of value('precautions').split(/[|,;\n]/)) {
    if (name.trim() === '') continue;
    const code = byName.get(headerKey(name));
    if (!code) fail('precautions', 'precaution.unknown', { text: name.trim() });
    else if (!codes.includes(code)) codes.push(code);
  }
  tooLong('precautionsText', 2000);

  let validUntil: string | null = null;
  if (value('validUntil')) {
    const parsed = parseGermanDate(value('validUntil'));
    if (!parsed.ok || parsed.date.length !== 10) fail('validUntil', 'date.full_required');
    else validUntil = parsed.date;
  }
  tooLong('note', 2000);

  if (problems.length > 0) return { problems };
  const values = {
    reference,
    familyName,
    givenNames: value('givenNames') || null,
    dateOfBirth,
    aliases,
    formerNames,
    addresses,
    level,
    categories,
    incidentDate,
    criminalComplaint: { status: status!, fileNumber: value('complaintFileNumber') || null },
    precautions: codes,
    precautionsText: value('precautionsText') || null,
    validUntil,
    note: value('note') || null,
  };
  const hash = createHash('sha256').update(JSON.stringify(values)).digest('hex');
  return { row: { row, ...values, hash } };
}
