/**
 * The file number (Aktenzeichen) a look-up states as its purpose must have the form the city
 * gives its files, so that "-", "x" or "123" cannot stand in for a real case.
 *
 * The default: 5 to 60 characters, at least one digit, groups of letters or digits joined by
 * one of `-`, `.`, `/` or a space, at least two groups; e.g. `32.1-2026/0815`, `OA 12-345/26`,
 * `StA 1 Js 2/25`.
 */
export const DEFAULT_FILE_NUMBER_PATTERN = String.raw`^(?=.{5,60}$)(?=.*\d)[\p{L}\d]+(?:[-./ ][\p{L}\d]+)+$`;

/** Values every pattern must refuse: they name no file. */
export const PLACEHOLDER_FILE_NUMBERS = ['-', 'x', '123'] as const;

/** Examples of the default form, shown in messages and the form's hint. */
export const FILE_NUMBER_EXAMPLES = ['32.1-2026/0815', 'OA 12-345/26'] as const;

/**
 * `ZEMAG_FILE_NUMBER_PATTERN` as a regular expression (Unicode mode, the whole number must
 * match unless the pattern says otherwise), or the default. A pattern that does not compile
 * or accepts a placeholder is added to `problems` with the setting's name.
 */
export function readFileNumberPattern(value: string | undefined, problems: string[]): RegExp {
  const fallback = new RegExp(DEFAULT_FILE_NUMBER_PATTERN, 'u');
  if (value === undefined || value === '') return fallback;
  let pattern: RegExp;
  try {
    pattern = new RegExp(value, 'u');
  } catch (error) {
    problems.push(
      `ZEMAG_FILE_NUMBER_PATTERN: not a valid regular expression (${(error as Error).message})`,
    );
    return fallback;
  }
  const accepted = PLACEHOLDER_FILE_NUMBERS.filter((placeholder) => pattern.test(placeholder));
  if (accepted.length > 0) {
    problems.push(
      `ZEMAG_FILE_NUMBER_PATTERN: must refuse placeholders, but accepts ${accepted.map((p) => `"${p}"`).join(', ')} (anchor it with ^…$ and require the file number's structure)`,
    );
    return fallback;
  }
  return pattern;
}

/** True when the (trimmed) file number has the configured form. */
export function fileNumberMatches(pattern: RegExp, fileNumber: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(fileNumber.trim());
}
