import fs from 'node:fs';
import { csvRow } from '@zemag/contracts';
import type { LegacyProblem } from '../modules/legacy-import/legacy-import.parse.js';
import type { LegacyRowResult } from '../modules/legacy-import/legacy-import.service.js';

const HEADER = [
  'Zeile/Row',
  'Aktenzeichen/Reference',
  'Ergebnis/Outcome',
  'Eintrag/Listing',
  'Spalte/Column',
  'Hinweis',
  'Note',
];

/**
 * The import report as a CSV file for a spreadsheet (`--report FILE.csv`): one line per row
 * result and per problem, written as the import goes (a large file's report is not held in
 * memory). UTF-8 with BOM, `;`, every cell through `csvRow` — the references, column names and
 * notes come from the imported file and must not run as formulas where the report is opened.
 */
export function openReportCsv(file: string) {
  const fd = fs.openSync(file, 'w', 0o600);
  const line = (cells: (string | number)[]) => fs.writeSync(fd, `${csvRow(cells)}\r\n`);
  fs.writeSync(fd, '\uFEFF');
  line(HEADER);
  return {
    problem(p: LegacyProblem) {
      line([p.row, '', 'ungültig/invalid', '', p.column, p.message.de, p.message.en]);
    },
    result(r: LegacyRowResult) {
      const notes = r.notes.length > 0 ? r.notes : [{ de: '', en: '' }];
      for (const note of notes) {
        line([r.row, r.reference, r.outcome, r.listing, '', note.de, note.en]);
      }
    },
    close() {
      fs.closeSync(fd);
    },
  };
}
