import { VISIT_LIST_MAX_ENTRIES } from '@zemag/contracts';
import { DEFAULT_LOOKUP_LIMIT, type LookupLimitSettings } from './lookup-limits.policy.js';

export const BURST_SETTING = 'ZEMAG_LOOKUP_RATE_BURST';
export const PER_HOUR_SETTING = 'ZEMAG_LOOKUP_RATE_PER_HOUR';
/** More than this is no limit at all; a typo more likely than a wish. */
const MAX = 100_000;

function readWhole(
  name: string,
  raw: string | undefined,
  { fallback, min, why }: { fallback: number; min: number; why: string },
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\s*\d+\s*$/.test(raw)) {
    problems.push(`${name}: must be a whole number of look-ups (got "${raw.slice(0, 20)}")`);
    return fallback;
  }
  const value = Number.parseInt(raw, 10);
  if (value < min) problems.push(`${name}: must be at least ${min} (${why})`);
  else if (value > MAX) problems.push(`${name}: must be at most ${MAX}`);
  return value;
}

/**
 * The look-up rate limit per user from `ZEMAG_LOOKUP_RATE_BURST` and
 * `ZEMAG_LOOKUP_RATE_PER_HOUR`, or null for `ZEMAG_LOOKUP_RATE_BURST=off` (load tests; refused
 * in production). Problems are added to `problems` naming the setting.
 */
export function readLookupLimitSettings(
  env: Record<string, string | undefined>,
  production: boolean,
  problems: string[],
): LookupLimitSettings | null {
  const burstRaw = env[BURST_SETTING];
  if (burstRaw?.trim().toLowerCase() === 'off') {
    if (production) {
      problems.push(`${BURST_SETTING}: off (no limit on look-ups) is not allowed in production`);
    }
    return null;
  }
  return {
    burst: readWhole(
      BURST_SETTING,
      burstRaw,
      {
        fallback: DEFAULT_LOOKUP_LIMIT.burst,
        min: VISIT_LIST_MAX_ENTRIES,
        why: `a visit list of ${VISIT_LIST_MAX_ENTRIES} entries must fit; or "off"`,
      },
      problems,
    ),
    perHour: readWhole(
      PER_HOUR_SETTING,
      env[PER_HOUR_SETTING],
      { fallback: DEFAULT_LOOKUP_LIMIT.perHour, min: 1, why: 'spent look-ups must come back' },
      problems,
    ),
  };
}
