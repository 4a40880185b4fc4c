/**
 * Retention periods (Löschfristen), one setting per rule, all in months:
 * `ZEMAG_RETENTION_<RULE>_MONTHS`, and how often the job runs: `ZEMAG_RETENTION_INTERVAL_MINUTES`.
 * The README's configuration table gives each default with its reasoning.
 */

/** The retention rules, in the order a run applies them (later rules see earlier deletions). */
export const RETENTION_RULES = [
  'closed_listings',
  'rejected_reports',
  'unlisted_incidents',
  'erased_person_incidents',
  'persons',
  'audit_terms',
  'audit_events',
] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

/** Months per rule; defaults follow German public-sector practice (README, "Retention"). */
export const DEFAULT_RETENTION_MONTHS: Record<RetentionRule, number> = {
  /** Expired, ended or declined listings (and their person, when nothing else is left): from closing. */
  closed_listings: 12,
  /** Rejected reports and reports never confirmed: from their last change. */
  rejected_reports: 6,
  /** Confirmed incidents on which no listing rests: from when they happened. */
  unlisted_incidents: 24,
  /** What is left of a report after its person was erased: from the erasure. */
  erased_person_incidents: 12,
  /** Persons with nothing left (no listing, no report within its period, no open request): from their last change. */
  persons: 3,
  /** The names and dates typed into look-ups (audit_terms): from the look-up. */
  audit_terms: 6,
  /**
   * The audit log (who read or changed what, and why): from the event. Two years cover the
   * listing validity (24 months) plus the time to answer an access request or investigate a
   * complaint about a look-up; longer keeps staff behaviour on record without need.
   */
  audit_events: 24,
};

export const DEFAULT_RETENTION_INTERVAL_MINUTES = 60;
export const MIN_AUDIT_EVENTS_MONTHS = 6;
/** 100 years: longer is a typo, and dates that far back do not exist in the register. */
const MAX_MONTHS = 1200;
const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

export interface RetentionSettings {
  months: Record<RetentionRule, number>;
  intervalMinutes: number;
}

/** `closed_listings` → `ZEMAG_RETENTION_CLOSED_LISTINGS_MONTHS`. */
export function retentionSetting(rule: RetentionRule): string {
  return `ZEMAG_RETENTION_${rule.toUpperCase()}_MONTHS`;
}

export const RETENTION_INTERVAL_SETTING = 'ZEMAG_RETENTION_INTERVAL_MINUTES';

function readWhole(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  max: number,
  unit: string,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\s*-?\d+\s*$/.test(raw)) {
    problems.push(`${name}: must be a whole number of ${unit} (got "${raw.slice(0, 20)}")`);
    return fallback;
  }
  const value = Number.parseInt(raw, 10);
  if (value <= 0) {
    problems.push(`${name}: must be at least 1 ${unit.replace(/s$/, '')}; 0 or less is refused`);
    return fallback;
  }
  if (value > max) {
    problems.push(`${name}: at most ${max} ${unit}`);
    return fallback;
  }
  return value;
}

/** Reads every retention setting; problems (naming the setting) are added to `problems`. */
export function readRetentionSettings(
  env: Record<string, string | undefined>,
  problems: string[],
): RetentionSettings {
  const months = { ...DEFAULT_RETENTION_MONTHS };
  for (const rule of RETENTION_RULES) {
    months[rule] = readWhole(
      env,
      retentionSetting(rule),
      DEFAULT_RETENTION_MONTHS[rule],
      MAX_MONTHS,
      'months',
      problems,
    );
  }
  // The database never removes audit events younger than six months (migration 0027).
  if (months.audit_events < MIN_AUDIT_EVENTS_MONTHS) {
    problems.push(
      `${retentionSetting('audit_events')}: at least ${MIN_AUDIT_EVENTS_MONTHS} months (the audit log must cover at least half a year)`,
    );
    months.audit_events = DEFAULT_RETENTION_MONTHS.audit_events;
  }
  const intervalMinutes = readWhole(
    env,
    RETENTION_INTERVAL_SETTING,
    DEFAULT_RETENTION_INTERVAL_MINUTES,
    MAX_INTERVAL_MINUTES,
    'minutes',
    problems,
  );
  return { months, intervalMinutes };
}
