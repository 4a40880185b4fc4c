import { AnomalyRuleCode } from '@zemag/contracts';
import { fileNumberMatches } from '../lookup/file-number.js';
import { localClock } from '../../local-date.js';

/**
 * The anomaly rules over look-ups (Auffälligkeiten, issue 14 item 2): pure functions over the
 * look-ups of one user on one local day. Each rule gives at most one finding per key, so that
 * evaluating the same day again (a later scan, a restart) finds the same findings.
 */
export const ANOMALY_RULES = AnomalyRuleCode.options;
export type AnomalyRule = AnomalyRuleCode;

export interface AnomalySettings {
  /** More look-ups than this within any 60 minutes is a burst. */
  burstPerHour: number;
  /** Working hours as minutes after local midnight: [start, end). */
  workingHours: { start: number; end: number };
  /** The same file number more often than this on one day. */
  fileNumberRepeatPerDay: number;
  /** More look-ups without any candidate than this on one day. */
  noMatchPerDay: number;
  /** Rules switched off (`ZEMAG_ANOMALY_RULES_OFF`). */
  off: AnomalyRule[];
  /** How often the server scans new events. */
  scanMinutes: number;
}

export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = {
  burstPerHour: 50,
  workingHours: { start: 6 * 60, end: 20 * 60 },
  fileNumberRepeatPerDay: 10,
  noMatchPerDay: 15,
  off: [],
  scanMinutes: 5,
};

/** One look-up as the rules see it. */
export interface LookupFact {
  seq: number;
  occurredAt: Date;
  fileNumber: string | null;
  /** How many persons the answer showed. */
  shown: number;
  /** Part of a visit list (one line of it). */
  visitList: boolean;
  /** Family names typed, and of the persons shown (as stored). */
  familyNames: string[];
}

export interface FindingDraft {
  rule: AnomalyRule;
  /** Unique per user and rule: the local day, and for some rules more. */
  key: string;
  windowStart: Date;
  windowEnd: Date;
  seqs: number[];
  /** What the DPO reads: counts, the file number, the limit in effect. No person data. */
  facts: Record<string, string | number>;
}

const HOUR_MS = 3_600_000;

/** Lower case, without accents, ß as ss, letters only ("Müller" and "Muller" fold alike). */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}]/gu, '');
}

/**
 * The family name in a display name: the part before a comma ("Schmidt, Anna"), else the last
 * word ("Anna Schmidt"). Null when there is nothing usable.
 */
export function familyNameOf(displayName: string): string | null {
  const comma = displayName.indexOf(',');
  const part =
    comma > 0 ? displayName.slice(0, comma) : (displayName.trim().split(/\s+/).at(-1) ?? '');
  const folded = foldName(part);
  return folded.length >= 2 ? folded : null;
}

/** Only the digits repeat ("0000/0000") or count up or down ("1234-5678"): a made-up number. */
export function placeholderDigits(fileNumber: string): boolean {
  const digits = fileNumber.replace(/\D/g, '');
  if (digits.length < 4) return false;
  if (/^(\d)\1+$/.test(digits)) return true;
  return '01234567890123456789'.includes(digits) || '98765432109876543210'.includes(digits);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function span(facts: LookupFact[]) {
  return {
    windowStart: facts[0]!.occurredAt,
    windowEnd: facts.at(-1)!.occurredAt,
    seqs: facts.map((f) => f.seq),
  };
}

/** The 60 minutes with the most look-ups (the earliest of equal ones). */
function busiestHour(sorted: LookupFact[]): LookupFact[] {
  let best: LookupFact[] = [];
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]!.occurredAt.getTime() - sorted[from]!.occurredAt.getTime() >= HOUR_MS) from++;
    if (to - from + 1 > best.length) best = sorted.slice(from, to + 1);
  }
  return best;
}

/**
 * The findings of one user's look-ups on one local day (`day`, YYYY-MM-DD in `timeZone`).
 * `employeeFamilyName`: folded (`familyNameOf`), or null when unknown.
 */
export function evaluateDay({
  day,
  lookups,
  employeeFamilyName,
  settings,
  fileNumberPattern,
  timeZone,
}: {
  day: string;
  lookups: LookupFact[];
  employeeFamilyName: string | null;
  settings: AnomalySettings;
  fileNumberPattern: RegExp;
  timeZone: string;
}): FindingDraft[] {
  const on = (rule: AnomalyRule) => !settings.off.includes(rule);
  const sorted = [...lookups].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq,
  );
  const findings: FindingDraft[] = [];
  if (sorted.length === 0) return findings;

  if (on('burst')) {
    const hour = busiestHour(sorted);
    if (hour.length > settings.burstPerHour) {
      findings.push({
        rule: 'burst',
        key: day,
        ...span(hour),
        facts: {
          count: hour.length,
          limit: settings.burstPerHour,
          fromVisitLists: hour.filter((f) => f.visitList).length,
        },
      });
    }
  }

  if (on('off_hours')) {
    const { start, end } = settings.workingHours;
    const outside = sorted.filter((f) => {
      const { minutes } = localClock(f.occurredAt, timeZone);
      return start <= end ? minutes < start || minutes >= end : minutes < start && minutes >= end;
    });
    if (outside.length > 0) {
      findings.push({
        rule: 'off_hours',
        key: day,
        ...span(outside),
        facts: { count: outside.length, workingHours: `${hhmm(start)}–${hhmm(end)}` },
      });
    }
  }

  const byFileNumber = new Map<string, LookupFact[]>();
  for (const fact of sorted) {
    if (fact.fileNumber === null) continue;
    const fileNumber = fact.fileNumber.trim();
    byFileNumber.set(fileNumber, [...(byFileNumber.get(fileNumber) ?? []), fact]);
  }
  for (const [fileNumber, facts] of byFileNumber) {
    if (on('file_number_form')) {
      const problem = !fileNumberMatches(fileNumberPattern, fileNumber)
        ? 'pattern'
        : placeholderDigits(fileNumber)
          ? 'placeholder'
          : null;
      if (problem) {
        findings.push({
          rule: 'file_number_form',
          key: `${day}|${fileNumber}`,
          ...span(facts),
          facts: { fileNumber, problem, count: facts.length },
        });
      }
    }
    if (on('file_number_repeat') && facts.length > settings.fileNumberRepeatPerDay) {
      findings.push({
        rule: 'file_number_repeat',
        key: `${day}|${fileNumber}`,
        ...span(facts),
        facts: { fileNumber, count: facts.length, limit: settings.fileNumberRepeatPerDay },
      });
    }
  }

  if (on('own_name') && employeeFamilyName !== null) {
    for (const fact of sorted) {
      if (!fact.familyNames.some((name) => foldName(name) === employeeFamilyName)) continue;
      findings.push({
        rule: 'own_name',
        key: `${day}|${fact.seq}`,
        ...span([fact]),
        facts: { count: 1 },
      });
    }
  }

  if (on('no_match')) {
    const empty = sorted.filter((f) => f.shown === 0);
    if (empty.length > settings.noMatchPerDay) {
      findings.push({
        rule: 'no_match',
        key: day,
        ...span(empty),
        facts: { count: empty.length, limit: settings.noMatchPerDay, lookups: sorted.length },
      });
    }
  }
  return findings;
}
