/**
 * How many look-ups one user may make: a token bucket. A full budget allows `burst` look-ups
 * in a row; spent look-ups come back at `perHour`, never beyond `burst`. A visit list costs
 * one per entry it looks up. Pure: the caller passes the stored budget and "now".
 */
export interface LookupLimitSettings {
  /** Look-ups in a row from a full budget (`ZEMAG_LOOKUP_RATE_BURST`). */
  burst: number;
  /** Look-ups that come back per hour, up to `burst` (`ZEMAG_LOOKUP_RATE_PER_HOUR`). */
  perHour: number;
}

/**
 * A field shift: a visit list of up to 40 addresses checked in the morning and re-checked
 * twice, plus single look-ups at the door, is ~150 — within the burst alone. A script is held
 * to one look-up every two minutes once the burst is spent (README, "Look-up rate limit").
 */
export const DEFAULT_LOOKUP_LIMIT: LookupLimitSettings = { burst: 200, perHour: 30 };

/** A user's stored budget: look-ups left when last counted, and when that was. */
export interface Budget {
  tokens: number;
  countedAt: Date;
}

const HOUR_MS = 3_600_000;
/** Float rounding must not refuse a look-up whose wait has just passed. */
const EPSILON = 1e-9;

/** The look-ups available at `now`: the stored ones plus what came back since; a new user starts full. */
export function available(budget: Budget | null, now: Date, settings: LookupLimitSettings): number {
  if (!budget) return settings.burst;
  // A clock that went back (another instance's) refills nothing, and takes nothing away.
  const elapsed = Math.max(0, now.getTime() - budget.countedAt.getTime());
  return Math.min(settings.burst, budget.tokens + (elapsed * settings.perHour) / HOUR_MS);
}

/**
 * Spends `cost` look-ups at `now`: allowed with the budget after it, or refused with the
 * milliseconds until `cost` look-ups are available (nothing is spent then). `cost` above the
 * burst can never be allowed; the configuration keeps the burst at least the largest visit list.
 */
export function spend(
  budget: Budget | null,
  cost: number,
  now: Date,
  settings: LookupLimitSettings,
): { allowed: true; next: Budget } | { allowed: false; retryAfterMs: number } {
  if (cost > settings.burst) {
    throw new Error(`a cost of ${cost} is above the burst of ${settings.burst}`);
  }
  const left = available(budget, now, settings);
  const countedAt = budget && budget.countedAt > now ? budget.countedAt : now;
  if (left + EPSILON >= cost) {
    return { allowed: true, next: { tokens: Math.max(0, left - cost), countedAt } };
  }
  return { allowed: false, retryAfterMs: Math.ceil(((cost - left) * HOUR_MS) / settings.perHour) };
}

/** The budget after `cost` look-ups were given back (they failed on the server's side). */
export function giveBack(
  budget: Budget | null,
  cost: number,
  now: Date,
  settings: LookupLimitSettings,
): Budget {
  const countedAt = budget && budget.countedAt > now ? budget.countedAt : now;
  return { tokens: Math.min(settings.burst, available(budget, now, settings) + cost), countedAt };
}

/** Whole seconds for `Retry-After`: rounded up, at least 1, so a retry then is never early. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
