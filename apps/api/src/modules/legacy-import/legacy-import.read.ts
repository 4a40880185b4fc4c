import fs from 'node:fs';
import { once } from 'node:events';
import { parse, type CsvError, type Options } from 'csv-parse';
import { detectSeparator } from '../visits/visit-list.parse.js';
import {
  detectEncoding,
  locateUndecodable,
  type DetectedEncoding,
  type LegacyEncoding,
} from './legacy-import.encoding.js';
import type { LegacyMessage } from './legacy-import.messages.js';

/** The file to read: a path (streamed) or, in tests, the text itself. */
export type LegacySource = { file: string } | { text: string };

/** What reading the file yields, in file order. */
export type LegacyReadEvent =
  | { kind: 'encoding'; encoding: DetectedEncoding }
  | { kind: 'header'; cells: string[] }
  /** A data row: `row` is its first line in the file (the header is line 1). */
  | { kind: 'record'; row: number; cells: string[] }
  /** A row CSV cannot read (a stray quote): named by line and column, the rest goes on. */
  | { kind: 'bad-record'; row: number; columnIndex: number | null; code: LegacyMessage }
  /** The file cannot be read on from here: nothing of it may be imported. */
  | { kind: 'refused'; row: number; char?: number; code: LegacyMessage; params?: Params };

type Params = Record<string, string | number>;
/** A record as csv-parse hands it over with `info` and `raw`. */
type Parsed = { record: string[]; info: { lines: number }; raw: string };

/** Stops reading: the file is refused as a whole. */
class Refused extends Error {
  constructor(readonly event: Extract<LegacyReadEvent, { kind: 'refused' }>) {
    super(event.code);
  }
}

const CHUNK = 1 << 20;

async function* bytesOf(source: LegacySource): AsyncGenerator<Uint8Array> {
  if ('text' in source) {
    for (let i = 0; i < source.text.length; i += CHUNK) {
      yield Buffer.from(source.text.slice(i, i + CHUNK), 'utf8');
    }
    return;
  }
  for await (const chunk of fs.createReadStream(source.file, { highWaterMark: CHUNK })) {
    yield chunk as Buffer;
  }
}

/**
 * The text of the file, chunk by chunk, decoded strictly (`fatal`): a byte sequence the
 * encoding cannot read refuses the file, named by line and character — the position is found
 * by reading the file again, only in that case. NUL characters are refused too (no text file
 * holds them, and PostgreSQL cannot store them).
 */
async function* textOf(
  source: LegacySource,
  head: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  encoding: DetectedEncoding,
): AsyncGenerator<string> {
  const name = encoding.encoding;
  const decoder = new TextDecoder(name, { fatal: name !== 'windows-1252' });
  let line = 1;
  let lineStart = 0; // characters of the current line in earlier chunks
  const track = (text: string) => {
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      const before = text.slice(0, nul);
      const lines = before.split('\n');
      const char = (lines.length === 1 ? lineStart : 0) + [...lines.at(-1)!].length + 1;
      throw new Refused({
        kind: 'refused',
        row: line + lines.length - 1,
        char,
        code: 'file.nul',
      });
    }
    const last = text.lastIndexOf('\n');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line += 1;
    lineStart = last >= 0 ? [...text.slice(last + 1)].length : lineStart + [...text].length;
    return text;
  };
  try {
    yield track(decoder.decode(head, { stream: true }));
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      yield track(decoder.decode(next.value, { stream: true }));
    }
    yield track(decoder.decode());
  } catch (error) {
    if (!(error instanceof TypeError) || name === 'windows-1252') throw error;
    const bytes = 'file' in source ? fs.readFileSync(source.file) : Buffer.from(source.text);
    const at = locateUndecodable(bytes, name);
    throw new Refused({
      kind: 'refused',
      row: at?.line ?? line,
      char: at?.column ?? 1,
      code: 'file.encoding_invalid',
      params: { code: at?.code ?? '?', encoding: name.toUpperCase() },
    });
  }
}

/**
 * Reads a legacy spreadsheet as a stream: the encoding (UTF-8 with or without BOM, UTF-16 by
 * BOM or NUL pattern, Windows-1252 only when `requested`), the separator from the first line,
 * then the header and every row with its line number. Memory stays bounded: one chunk of text
 * and the rows of one chunk. A quote that is never closed ends the reading (`refused`) at the
 * end of the file: the rows before it were read.
 */
export async function* readLegacyFile(
  source: LegacySource,
  requested?: LegacyEncoding,
  /** Only decode the file through (encoding, NUL): the cheap first pass of an import. */
  decodeOnly = false,
): AsyncGenerator<LegacyReadEvent> {
  const bytes = bytesOf(source)[Symbol.asyncIterator]();
  const first = await bytes.next();
  const head = first.done ? new Uint8Array() : first.value;
  const encoding: DetectedEncoding =
    'text' in source
      ? { encoding: 'utf-8', bom: source.text.startsWith('\uFEFF'), by: 'default' }
      : detectEncoding(head, requested);
  yield { kind: 'encoding', encoding };
  const text = textOf(source, head, bytes, encoding);
  try {
    if (decodeOnly) {
      for await (const _ of text) void _;
      return;
    }
    // The separator comes from the first line that is not blank.
    let start = '';
    let firstLine: string | undefined;
    for (let next = await text.next(); !next.done; next = await text.next()) {
      start += next.value;
      firstLine = start
        .split(/\r\n|\r|\n/)
        .find((l, i, all) => l.trim() !== '' && i < all.length - 1);
      if (firstLine !== undefined) break;
    }
    firstLine ??= start.trim() === '' ? undefined : start;
    if (firstLine === undefined) {
      yield { kind: 'refused', row: 1, code: 'file.empty' };
      return;
    }
    yield* records(start, text, detectSeparator(firstLine));
  } catch (error) {
    if (error instanceof Refused) yield error.event;
    else throw error;
  }
}

async function* records(
  start: string,
  text: AsyncGenerator<string>,
  delimiter: string,
): AsyncGenerator<LegacyReadEvent> {
  // The parser works synchronously inside write(): records and skipped rows land here in file
  // order and are handed on after each chunk of text.
  const pending: LegacyReadEvent[] = [];
  let failure: Error | null = null;
  let header = true;
  const lineOf = (error: CsvError, raw: string | undefined) =>
    (error.lines as number) - ((raw ?? '').replace(/[\r\n]+$/, '').match(/\n/g)?.length ?? 0);
  const options: Options = {
    delimiter,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (!error) return;
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        // The quote swallowed the rest of the file: no row after it can be trusted.
        pending.push({ kind: 'refused', row: lineOf(error, raw), code: 'file.quote_not_closed' });
      } else {
        pending.push({
          kind: 'bad-record',
          row: error.lines as number,
          columnIndex: typeof error.column === 'number' ? error.column : null,
          code: 'row.malformed',
        });
      }
    },
    on_record: (chunk: unknown) => {
      const { record, info, raw } = chunk as Parsed;
      if (header) {
        header = false;
        pending.push({ kind: 'header', cells: record });
      } else if (record.some((cell) => cell !== '')) {
        const row = info.lines - (raw.trim().match(/\n/g)?.length ?? 0);
        pending.push({ kind: 'record', row, cells: record });
      }
      return null; // handed on through `pending`, not through the stream
    },
  };
  const parser = parse(options);
  parser.on('error', (error) => (failure = error));
  parser.resume();
  const ended = once(parser, 'end');
  const handOn = function* () {
    if (failure) throw failure;
    for (const event of pending.splice(0)) {
      yield event;
      if (event.kind === 'refused') return true;
    }
    return false;
  };
  parser.write(start);
  if (yield* handOn()) return;
  for (let next = await text.next(); !next.done; next = await text.next()) {
    parser.write(next.value);
    if (yield* handOn()) return;
  }
  parser.end();
  await ended;
  yield* handOn();
}
