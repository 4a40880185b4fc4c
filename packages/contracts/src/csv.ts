/**
 * The one place ZeMAG writes CSV. Every cell goes through `csvCell`: a spreadsheet runs a cell
 * that starts with `=`, `+`, `-`, `@`, tab or CR as a formula (CSV injection: `=HYPERLINK(…)`
 * leaks data, `=cmd|…` ran commands in old Excel). Following the OWASP guidance such a cell is
 * prefixed with a single quote `'`, which the spreadsheet shows as text; the stored data stays
 * as it was. Then the cell is quoted when it holds the separator, a quote or a line break.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined, separator = ';') {
  let text = value === null || value === undefined ? '' : String(value);
  // Numbers are ZeMAG's own (row numbers, counts): only text can carry a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** One CSV line (without its line break). */
export function csvRow(
  cells: readonly (string | number | boolean | null | undefined)[],
  separator = ';',
) {
  return cells.map((cell) => csvCell(cell, separator)).join(separator);
}
