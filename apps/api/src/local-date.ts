const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone and kind: building a formatter costs far more than using one. */
function formatIn(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** The calendar date `YYYY-MM-DD` of `instant` in `timeZone` (grant end dates are local dates). */
export function localDate(instant: Date, timeZone: string): string {
  return formatIn(timeZone, false).format(instant);
}

/** `date` plus `months` calendar months, clamped to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The local date (YYYY-MM-DD) and minutes after local midnight of `instant` in `timeZone`. */
export function localClock(instant: Date, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    formatIn(timeZone, true)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The instant (ms) at local time `hhmm` (`HH:MM`) on the local day of `day` in `timeZone`. */
export function localInstant(day: Date, hhmm: string, timeZone: string): number {
  const date = localClock(day, timeZone).date;
  const wanted = Date.parse(`${date}T${hhmm}:00Z`);
  let guess = wanted;
  // twice: the offset at the first guess may differ from the one at the answer (DST)
  for (let i = 0; i < 2; i++) {
    const seen = localClock(new Date(guess), timeZone);
    const seenAsUtc = Date.parse(`${seen.date}T00:00:00Z`) + seen.minutes * 60_000;
    guess += wanted - seenAsUtc;
  }
  return guess;
}
