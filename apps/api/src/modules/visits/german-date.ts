/**
 * Dates as people type them in German lists, read into the ISO forms the register stores
 * (`PartialDate`: `1980-05-17`, `1980-05`, `1980`).
 */

export type GermanDateResult = { ok: true; date: string } | { ok: false };

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDay(year: number, month: number, day: number) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Years accepted as a date of birth (or an incident): no two-digit years, no typos like 198. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/** True when the text looks like a date (so it is not a name or house number), valid or not. */
export function looksLikeDate(text: string): boolean {
  return /^(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\.\d{4}|\d{4}-\d{2}(-\d{2})?|(19|20)\d{2})$/.test(
    text.trim(),
  );
}

/**
 * `17.05.1980`, `17.5.1980`, `05.1980`, `1980`, `1980-05-17`, `1980-05` → ISO partial date.
 * Two-digit years (`17.05.80`) are refused: the century cannot be told.
 */
export function parseGermanDate(text: string): GermanDateResult {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return full(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return full(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return monthOnly(Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return monthOnly(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(t);
  if (m) return yearOk(Number(m[1])) ? { ok: true, date: m[1]! } : { ok: false };
  return { ok: false };
}

function yearOk(year: number) {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function monthOnly(year: number, month: number): GermanDateResult {
  if (!yearOk(year) || month < 1 || month > 12) return { ok: false };
  return { ok: true, date: `${year}-${pad(month)}` };
}

function full(year: number, month: number, day: number): GermanDateResult {
  if (!yearOk(year) || !isRealDay(year, month, day)) return { ok: false };
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}
