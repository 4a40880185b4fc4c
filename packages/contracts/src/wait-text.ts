import type { LocalizedText } from './errors.js';

function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

function duration(seconds: number): LocalizedText {
  if (seconds < 60) {
    return {
      de: count(seconds, 'Sekunde', 'Sekunden'),
      en: count(seconds, 'second', 'seconds'),
    };
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) {
    return { de: count(minutes, 'Minute', 'Minuten'), en: count(minutes, 'minute', 'minutes') };
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const de = count(hours, 'Stunde', 'Stunden');
  const en = count(hours, 'hour', 'hours');
  if (rest === 0) return { de, en };
  return {
    de: `${de} und ${count(rest, 'Minute', 'Minuten')}`,
    en: `${en} and ${count(rest, 'minute', 'minutes')}`,
  };
}

/**
 * How long to wait, in both UI languages, for the `{{wait}}` of a 429 text: "45 Sekunden",
 * "3 Minuten", "1 Stunde und 20 Minuten" (seconds rounded up to whole minutes from one minute
 * on). With `until`, waits of a minute or more also give the clock time, rounded up to the
 * minute, in `timeZone` (default: the runtime's) — "3 Minuten (um 14:32 Uhr)" stays true
 * while the message is on the screen. Without seconds: "kurzer Zeit" / "a short while".
 */
export function waitText(
  seconds: number | undefined,
  at?: { until: Date; timeZone?: string },
): LocalizedText {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) {
    return { de: 'kurzer Zeit', en: 'a short while' };
  }
  const text = duration(Math.ceil(seconds));
  if (!at || seconds < 60) return text;
  const minute = 60_000;
  const until = new Date(Math.ceil(at.until.getTime() / minute) * minute);
  const clock = new Intl.DateTimeFormat('de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(at.timeZone ? { timeZone: at.timeZone } : {}),
  }).format(until);
  return { de: `${text.de} (um ${clock} Uhr)`, en: `${text.en} (at ${clock})` };
}
