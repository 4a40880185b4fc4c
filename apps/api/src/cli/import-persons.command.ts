import fs from 'node:fs';
import { Option, type Command } from 'commander';
import {
  encodingLabel,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
} from '../modules/legacy-import/legacy-import.encoding.js';
import type { LegacyProblem } from '../modules/legacy-import/legacy-import.parse.js';
import { openReportCsv } from './import-persons.report.js';
import {
  LegacyImportRefused,
  type LegacyImportReport,
  type LegacyImportService,
  type LegacyRowResult,
} from '../modules/legacy-import/legacy-import.service.js';

/** Runs work with the configured services (cli.ts opens and closes the database). */
export type WithLegacyImport = <T>(
  run: (service: LegacyImportService, stop?: AbortSignal) => Promise<T>,
) => Promise<T>;

/**
 * Text from the file for a terminal: control characters (ANSI escapes, CR, tab) are shown as
 * `\u001B` instead of acting on the terminal or on a log viewer.
 */
export function printable(text: string) {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** One problem as a line for people, German | English, naming row and column. */
export function problemLine(p: LegacyProblem): string {
  const file = p.field === 'file' && p.column === '';
  const at = (row: string, column: string, char: string) =>
    [
      file && p.row <= 1 && p.char === undefined ? '' : `${row} ${p.row}`,
      p.column ? `${column} „${printable(p.column)}“` : '',
      p.char === undefined ? '' : `${char} ${p.char}`,
    ]
      .filter(Boolean)
      .join(', ');
  const de = [file ? 'Datei' : '', at('Zeile', 'Spalte', 'Zeichen')].filter(Boolean).join(', ');
  const en = [file ? 'File' : '', at('Row', 'column', 'character')].filter(Boolean).join(', ');
  return `${de} (${p.field}): ${p.message.de} | ${en.replace('„', '"').replace('“', '"')} (${p.field}): ${p.message.en}`;
}

/** The lines of one row's result: one per note. */
export function resultLines(r: LegacyRowResult): string[] {
  const ref = printable(r.reference);
  return r.notes.map(
    (note) => `Zeile ${r.row} (${ref}): ${note.de} | Row ${r.row} (${ref}): ${note.en}`,
  );
}

/** The report as lines for people: every problem and every row with a note, German | English. */
export function reportLines(report: Pick<LegacyImportReport, 'problems' | 'results'>): string[] {
  return [...report.problems.map(problemLine), ...report.results.flatMap(resultLines)];
}

/**
 * Imports the file as the registrar `as`; writes the report lines to `err` and one JSON
 * summary line to `out`. Returns the exit code: 0 when every row was imported or skipped.
 */
export async function runImportPersons({
  service,
  file,
  as,
  dryRun,
  encoding,
  reportFile,
  stop,
  out,
  err,
}: {
  service: LegacyImportService;
  file: string;
  as: string;
  dryRun: boolean;
  encoding?: LegacyEncoding;
  /** Also write the report as CSV here (`--report`). */
  reportFile?: string;
  /** TERM/INT: stop after the row being written. */
  stop?: AbortSignal;
  out: (line: string) => void;
  err: (line: string) => void;
}): Promise<number> {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
  } catch (error) {
    err(`Datei nicht lesbar | File cannot be read: ${file} (${(error as Error).message})`);
    return 66;
  }
  let csv: ReturnType<typeof openReportCsv> | null = null;
  try {
    const actor = await service.registrar(as);
    if (reportFile) csv = openReportCsv(reportFile);
    const report = await service.run({
      actor,
      file,
      dryRun,
      ...(encoding ? { encoding } : {}),
      ...(stop ? { stop } : {}),
      onProblem: (p) => {
        err(problemLine(p));
        csv?.problem(p);
      },
      onResult: (r) => {
        resultLines(r).forEach(err);
        csv?.result(r);
      },
    });
    const label = report.encoding ? encodingLabel(report.encoding) : null;
    if (label) err(`Zeichensatz: ${label.de} | Encoding: ${label.en}`);
    const read = report.encoding
      ? { encoding: report.encoding.encoding, bom: report.encoding.bom }
      : {};
    if (report.stopped) {
      err(
        'Abgebrochen: die übrigen Zeilen wurden nicht übernommen | Stopped: the remaining rows were not imported',
      );
    }
    out(
      JSON.stringify({ ...report.summary, ...read, ...(report.stopped ? { stopped: true } : {}) }),
    );
    return report.summary.invalid > 0 || report.summary.failed > 0 || report.stopped ? 1 : 0;
  } catch (error) {
    if (!(error instanceof LegacyImportRefused)) throw error;
    err(`${error.text.de} | ${error.text.en}`);
    return 1;
  } finally {
    csv?.close();
  }
}

/** Registers `zemag import persons FILE.csv --as USERNAME [--dry-run]`. */
export function registerImportPersonsCommand(program: Command, withLegacyImport: WithLegacyImport) {
  const imports = program.command('import').description('take over data from other systems');
  imports
    .command('persons')
    .description(
      "import persons from a city's earlier spreadsheet (CSV): a confirmed legacy incident per row and a PROPOSED listing where the listing rule holds — a second registrar activates it; re-runs skip known references; prints one JSON summary line",
    )
    .argument('<file>', 'the CSV file (columns: see apps/api/src/modules/legacy-import/README.md)')
    .requiredOption('--as <username>', 'the importing registrar (becomes reporter and proposer)')
    .option('--dry-run', 'check the file and report what would be imported; writes nothing')
    .addOption(
      new Option(
        '--encoding <name>',
        'read the file in this encoding (default: UTF-8, or UTF-16 by BOM/NUL pattern; Windows-1252 only when named)',
      ).choices(LEGACY_ENCODINGS),
    )
    .option('--report <file.csv>', 'also write the report as CSV (one line per row and problem)')
    .action(
      async (
        file: string,
        options: { as: string; dryRun?: boolean; encoding?: LegacyEncoding; report?: string },
      ) => {
        const code = await withLegacyImport((service, stop) =>
          runImportPersons({
            service,
            ...(stop ? { stop } : {}),
            file,
            as: options.as,
            dryRun: options.dryRun ?? false,
            ...(options.encoding ? { encoding: options.encoding } : {}),
            ...(options.report ? { reportFile: options.report } : {}),
            out: (line) => process.stdout.write(`${line}\n`),
            err: (line) => process.stderr.write(`${line}\n`),
          }),
        );
        process.exitCode = code;
      },
    );
}
