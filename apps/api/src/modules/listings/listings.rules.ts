import type { ErrorCode, IncidentCategory } from '@zemag/contracts';

export interface GroundIncident {
  id: string;
  status: string;
  /** Null only while a report is incomplete; a confirmed report always has a level. */
  level: number | null;
  complaintStatus: string;
  categories: string[];
  occurredAt: Date;
}

/**
 * The rule that makes a listing lawful (DESIGN.md): it rests on confirmed incidents with this
 * person, at least one of level 2 or 3 with a criminal complaint filed. Returns the first
 * condition that is missing, so the answer says exactly what to fix.
 */
export function missingListingCondition(
  chosenIds: readonly string[],
  incidentsOfPerson: readonly GroundIncident[],
): ErrorCode | null {
  const byId = new Map(incidentsOfPerson.map((i) => [i.id, i]));
  if (chosenIds.some((id) => !byId.has(id))) return 'listing.incident_other_person';
  const chosen = chosenIds.map((id) => byId.get(id)!);
  if (chosen.length === 0 || chosen.some((i) => i.status !== 'confirmed')) {
    return 'listing.no_confirmed_incident';
  }
  const serious = chosen.filter((i) => (i.level ?? 0) >= 2);
  if (serious.length === 0) return 'listing.level_too_low';
  if (!serious.some((i) => i.complaintStatus === 'yes')) return 'listing.no_criminal_complaint';
  return null;
}

/** Defaults of a proposal: the highest level, the categories that can be listed. */
export function listingDefaults(grounds: readonly GroundIncident[]) {
  const level = Math.max(...grounds.map((g) => g.level ?? 0)) >= 3 ? 3 : 2;
  const categories = [
    ...new Set(grounds.flatMap((g) => g.categories).filter((c) => c !== 'insult')),
  ] as IncidentCategory[];
  const latest = grounds.reduce((a, b) => (a.occurredAt > b.occurredAt ? a : b)).occurredAt;
  return { level: level as 2 | 3, categories, latest };
}

/** A listing may run at most this long from today (a longer one needs a new decision). */
export const MAX_VALIDITY_MONTHS = 60;

/**
 * Why a pending extension proposal was closed when its listing expired or was ended (the reason
 * of its `extension_withdrawn` history row and audit event; German and English).
 */
export const EXTENSION_CLOSED_REASON = {
  expired: 'Eintrag abgelaufen / entry expired',
  ended: 'Eintrag beendet / entry ended',
} as const;

/** `YYYY-MM-DD` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
