import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';

export interface CsvTable {
  /** Lower-case header names. */
  columns: string[];
  /** Data rows keyed by header name; `row` 1 is the first line after the header. */
  records: { row: number; values: Record<string, string> }[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; row: number; reason: string };

/** Bytes handed to the parser at a time; the event loop gets a turn between two chunks. */
const CHUNK_BYTES = 64 * 1024;

/** The file in chunks, with a turn of the event loop after each (other requests go on). */
async function* chunksOf(bytes: Buffer) {
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    yield bytes.subarray(offset, offset + CHUNK_BYTES);
    await nextTurn();
  }
}

/**
 * Reads a spreadsheet export: UTF-8 with or without BOM, `;` (German Excel) or `,` separated,
 * quoted fields, blank lines skipped, cells trimmed. Streamed in chunks, so a large file does
 * not hold up other requests (a 20 MB file took the event loop for seconds when parsed at
 * once); reading stops after `maxRows` data rows plus one (`too_many_rows`).
 */
export async function readCsv(
  text: string,
  { maxRows = Number.POSITIVE_INFINITY }: { maxRows?: number } = {},
): Promise<CsvResult> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const source = Readable.from(chunksOf(Buffer.from(body, 'utf8')), { objectMode: false });
  const parser = source.pipe(
    parse({ delimiter, bom: true, trim: true, skip_empty_lines: true, relax_column_count: false }),
  );
  try {
    let columns: string[] | null = null;
    const records: CsvTable['records'] = [];
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = cells.map((h) => h.toLowerCase());
        continue;
      }
      if (records.length >= maxRows) return { ok: false, row: 0, reason: 'too_many_rows' };
      const header = columns;
      records.push({
        row: records.length + 1,
        values: Object.fromEntries(header.map((c, i) => [c, cells[i] ?? ''])),
      });
    }
    if (!columns) return { ok: false, row: 0, reason: 'empty' };
    return { ok: true, table: { columns, records } };
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return { ok: false, row: Math.max(0, line - 1), reason: error.code };
    }
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** `ja`, `nein`, `true`, `1`, `x` … as a boolean, or null when it is none of them. */
export function readFlag(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'true', 'wahr', '1', 'x'].includes(v)) return true;
  if (['nein', 'n', 'no', 'false', 'falsch', '0', ''].includes(v)) return false;
  return null;
}
