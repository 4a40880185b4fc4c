import fs from 'node:fs';
import type { Command } from 'commander';
import {
  LegacyImportRefused,
  type LegacyImportReport,
  type LegacyImportService,
} from '../modules/legacy-import/legacy-import.service.js';

/** Runs work with the configured services (cli.ts opens and closes the database). */
export type WithLegacyImport = <T>(run: (service: LegacyImportService) => Promise<T>) => Promise<T>;

/**
 * A spreadsheet export as text: UTF-8 (with or without BOM), or Windows-1252 as German Excel
 * writes "CSV (Trennzeichen-getrennt)".
 */
export function decodeSpreadsheet(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The report as lines for people: every problem and every row with a note, German | English. */
export function reportLines(report: LegacyImportReport): string[] {
  const lines = report.problems.map((p) => {
    const where = p.field === 'file' ? 'Datei' : `Zeile ${p.row}, Spalte „${p.column}“`;
    const whereEn = p.field === 'file' ? 'File' : `Row ${p.row}, column "${p.column}"`;
    return `${where} (${p.field}): ${p.message.de} | ${whereEn} (${p.field}): ${p.message.en}`;
  });
  for (const r of report.results) {
    for (const note of r.notes) {
      lines.push(
        `Zeile ${r.row} (${r.reference}): ${note.de} | Row ${r.row} (${r.reference}): ${note.en}`,
      );
    }
  }
  return lines;
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
  out,
  err,
}: {
  service: LegacyImportService;
  file: string;
  as: string;
  dryRun: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
}): Promise<number> {
  let text: string;
  try {
    text = decodeSpreadsheet(fs.readFileSync(file));
  } catch (error) {
    err(`Datei nicht lesbar | File cannot be read: ${file} (${(error as Error).message})`);
    return 66;
  }
  try {
    const actor = await service.registrar(as);
    const report = await service.run({ actor, text, dryRun });
    for (const line of reportLines(report)) err(line);
    out(JSON.stringify(report.summary));
    return report.summary.invalid > 0 || report.summary.failed > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof LegacyImportRefused)) throw error;
    err(`${error.text.de} | ${error.text.en}`);
    return 1;
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
    .action(async (file: string, options: { as: string; dryRun?: boolean }) => {
      const code = await withLegacyImport((service) =>
        runImportPersons({
          service,
          file,
          as: options.as,
          dryRun: options.dryRun ?? false,
          out: (line) => process.stdout.write(`${line}\n`),
          err: (line) => process.stderr.write(`${line}\n`),
        }),
      );
      process.exitCode = code;
    });
}
