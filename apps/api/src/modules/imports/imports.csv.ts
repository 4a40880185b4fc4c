import { CsvError, parse } from 'csv-parse/sync';

export interface CsvTable {
  /** Lower-case header names. */
  columns: string[];
  /** Data rows keyed by header name; `row` 1 is the first line after the header. */
  records: { row: number; values: Record<string, string> }[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; row: number; reason: string };

/**
 * Reads a spreadsheet export: UTF-8 with or without BOM, `;` (German Excel) or `,` separated,
 * quoted fields, blank lines skipped, cells trimmed.
 */
export function readCsv(text: string): CsvResult {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const rows = parse(body, {
      delimiter,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as string[][];
    const [header, ...data] = rows;
    if (!header) return { ok: false, row: 0, reason: 'empty' };
    const columns = header.map((h) => h.toLowerCase());
    return {
      ok: true,
      table: {
        columns,
        records: data.map((cells, index) => ({
          row: index + 1,
          values: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])),
        })),
      },
    };
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return { ok: false, row: Math.max(0, line - 1), reason: error.code };
    }
    throw error;
  }
}

/** `ja`, `nein`, `true`, `1`, `x` … as a boolean, or null when it is none of them. */
export function readFlag(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'true', 'wahr', '1', 'x'].includes(v)) return true;
  if (['nein', 'n', 'no', 'false', 'falsch', '0', ''].includes(v)) return false;
  return null;
}
