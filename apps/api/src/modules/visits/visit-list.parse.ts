import { parse } from 'csv-parse/sync';
import { readAddress, readFreeLine } from './visit-list.line.js';
import { errorEntry, toEntry, type VisitListEntry } from './visit-list.fields.js';

export type { VisitListEntry } from './visit-list.fields.js';

export type ParsedVisitList =
  | { ok: true; format: 'csv' | 'lines'; entries: VisitListEntry[] }
  | { ok: false; reason: 'empty' | 'too_many_entries'; count: number };

type Column =
  | 'familyName'
  | 'givenNames'
  | 'dateOfBirth'
  | 'street'
  | 'houseNumber'
  | 'postalCode'
  | 'city'
  | 'address';

/**
 * Header names a CSV may use (compared lower case, umlauts written out, without spaces,
 * hyphens, underscores or dots): German first, then English.
 */
const HEADER_NAMES: Record<Column, string[]> = {
  familyName: ['nachname', 'familienname', 'name', 'zuname', 'familyname', 'surname', 'lastname'],
  givenNames: ['vorname', 'vornamen', 'givennames', 'givenname', 'firstname', 'forename'],
  dateOfBirth: [
    'geburtsdatum',
    'gebdatum',
    'geboren',
    'geburtstag',
    'dateofbirth',
    'birthdate',
    'dob',
  ],
  street: ['strasse', 'str', 'street'],
  houseNumber: ['hausnummer', 'hausnr', 'nr', 'housenumber', 'number'],
  postalCode: ['plz', 'postleitzahl', 'postalcode', 'postcode', 'zip', 'zipcode'],
  city: ['ort', 'stadt', 'wohnort', 'gemeinde', 'city', 'town'],
  // Street, number, postal code and city in one cell: read like a free line's address.
  address: ['adresse', 'anschrift', 'address'],
};

const HEADER_LOOKUP = new Map<string, Column>(
  Object.entries(HEADER_NAMES).flatMap(([column, names]) =>
    names.map((n) => [n, column as Column] as const),
  ),
);

/** A header cell in its comparable form: `Straße` → `strasse`, `Date of birth` → `dateofbirth`. */
export function headerKey(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[^a-z0-9]/g, '');
}

/** The separator of a CSV line: tab if there is one, else `;` if there is one, else `,`. */
export function detectSeparator(line: string): '\t' | ';' | ',' {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return ',';
}

/**
 * The columns of a header line, or null when the line is not a header: at least half of its
 * cells must be known column names, and one of them a family name, street or address column.
 */
export function readHeader(line: string): { separator: string; columns: (Column | null)[] } | null {
  const separator = detectSeparator(line);
  const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
  const columns = cells.map((c) => HEADER_LOOKUP.get(headerKey(c)) ?? null);
  const known = columns.filter((c) => c !== null);
  if (!known.some((c) => c === 'familyName' || c === 'street' || c === 'address')) return null;
  return known.length * 2 >= cells.length ? { separator, columns } : null;
}

const nonEmptyLines = (text: string) =>
  text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').length;

/**
 * Reads a visit list: CSV with a header row (separator `;`, `,` or tab, detected from the
 * header), or one entry per line (see `readFreeLine`). Blank lines are skipped. More than
 * `maxEntries` entries, or none, refuse the whole list; a single unreadable entry only marks
 * that entry.
 */
export function parseVisitList(
  text: string,
  { maxEntries }: { maxEntries: number },
): ParsedVisitList {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\r|\n/);
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex === -1) return { ok: false, reason: 'empty', count: 0 };
  const header = readHeader(lines[firstIndex]!);
  if (!header) {
    const count = nonEmptyLines(body);
    if (count > maxEntries) return { ok: false, reason: 'too_many_entries', count };
    const entries = lines.flatMap((raw, index) =>
      raw.trim() === '' ? [] : [readFreeLine(raw.trim(), index + 1)],
    );
    return { ok: true, format: 'lines', entries };
  }
  const entries = readCsvEntries(body, lines.length, header);
  if (entries.length === 0) return { ok: false, reason: 'empty', count: 0 };
  if (entries.length > maxEntries) {
    return { ok: false, reason: 'too_many_entries', count: entries.length };
  }
  return { ok: true, format: 'csv', entries };
}

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

function readCsvEntries(
  body: string,
  lineCount: number,
  header: NonNullable<ReturnType<typeof readHeader>>,
): VisitListEntry[] {
  const skipped: VisitListEntry[] = [];
  const startLine = (endLine: number, raw: string) =>
    Math.min(endLine, lineCount) - (raw.trim().match(/\n/g)?.length ?? 0);
  const records = parse(body, {
    delimiter: header.separator,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      const input = (raw ?? '').trim();
      if (input === '') return;
      skipped.push(
        errorEntry(
          startLine((error as { lines?: number } | undefined)?.lines ?? lineCount, input),
          input,
          'text',
          'csv.malformed',
        ),
      );
    },
  }) as unknown as CsvRecord[];
  const [, ...data] = records;
  const entries = data
    .filter((r) => r.record.some((cell) => cell !== ''))
    .map((r) =>
      readCsvRecord(r.record, header.columns, startLine(r.info.lines, r.raw), r.raw.trim()),
    );
  return [...entries, ...skipped].sort((a, b) => a.line - b.line);
}

/** One CSV record → the fields of its columns (a whole-address column read like a free line). */
export function readCsvRecord(
  cells: string[],
  columns: (Column | null)[],
  line: number,
  input: string,
): VisitListEntry {
  const value = (column: Column) => {
    const index = columns.indexOf(column);
    return index === -1 ? '' : (cells[index] ?? '').trim();
  };
  const combined = value('address') ? readAddress(value('address')) : {};
  // Separate columns win where both are given.
  return toEntry(line, input, {
    familyName: value('familyName'),
    givenNames: value('givenNames'),
    dateOfBirth: value('dateOfBirth'),
    street: value('street') || combined.street,
    houseNumber: value('houseNumber') || combined.houseNumber,
    postalCode: value('postalCode') || combined.postalCode,
    city: value('city') || combined.city,
  });
}
