import {
  ANOMALY_RULES,
  DEFAULT_ANOMALY_SETTINGS,
  type AnomalyRule,
  type AnomalySettings,
} from './anomalies.rules.js';

/**
 * The anomaly rules' settings (README, "Anomaly rules"):
 * `ZEMAG_ANOMALY_BURST_PER_HOUR`, `ZEMAG_ANOMALY_WORKING_HOURS` (`06:00-20:00`),
 * `ZEMAG_ANOMALY_FILE_NUMBER_REPEAT_PER_DAY`, `ZEMAG_ANOMALY_NO_MATCH_PER_DAY`,
 * `ZEMAG_ANOMALY_RULES_OFF` (comma-separated rule codes), `ZEMAG_ANOMALY_SCAN_MINUTES`.
 */
function whole(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    problems.push(`${name}: a whole number from 1 to ${max} (got "${raw.slice(0, 20)}")`);
    return fallback;
  }
  return value;
}

function minutesOf(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function readAnomalySettings(
  env: Record<string, string | undefined>,
  problems: string[],
): AnomalySettings {
  const d = DEFAULT_ANOMALY_SETTINGS;
  let workingHours = d.workingHours;
  const hoursText = env.ZEMAG_ANOMALY_WORKING_HOURS?.trim();
  if (hoursText) {
    const [from, to, ...rest] = hoursText.split('-');
    const start = from === undefined ? null : minutesOf(from);
    const end = to === undefined ? null : minutesOf(to);
    if (start === null || end === null || rest.length > 0 || start === end) {
      problems.push(
        `ZEMAG_ANOMALY_WORKING_HOURS: a local time span such as 06:00-20:00 (start and end differ; 22:00-06:00 spans midnight), got "${hoursText.slice(0, 20)}"`,
      );
    } else workingHours = { start, end };
  }
  const off: AnomalyRule[] = [];
  for (const code of (env.ZEMAG_ANOMALY_RULES_OFF ?? '').split(',').map((c) => c.trim())) {
    if (code === '') continue;
    if ((ANOMALY_RULES as readonly string[]).includes(code)) off.push(code as AnomalyRule);
    else {
      problems.push(
        `ZEMAG_ANOMALY_RULES_OFF: unknown rule "${code.slice(0, 30)}" (rules: ${ANOMALY_RULES.join(', ')})`,
      );
    }
  }
  return {
    burstPerHour: whole(env, 'ZEMAG_ANOMALY_BURST_PER_HOUR', d.burstPerHour, 10_000, problems),
    workingHours,
    fileNumberRepeatPerDay: whole(
      env,
      'ZEMAG_ANOMALY_FILE_NUMBER_REPEAT_PER_DAY',
      d.fileNumberRepeatPerDay,
      10_000,
      problems,
    ),
    noMatchPerDay: whole(env, 'ZEMAG_ANOMALY_NO_MATCH_PER_DAY', d.noMatchPerDay, 10_000, problems),
    off,
    scanMinutes: whole(env, 'ZEMAG_ANOMALY_SCAN_MINUTES', d.scanMinutes, 24 * 60, problems),
  };
}
