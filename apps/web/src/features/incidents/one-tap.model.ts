import type { IncidentReportInput, IncidentSummary } from '@zemag/contracts';
import type { Position } from './report-form.model';

/** The one tap waits at most this long for the phone's position, then stores without it. */
export const POSITION_WAIT_MS = 5_000;

type Locate = Pick<Geolocation, 'getCurrentPosition'>;

/**
 * The phone's position if it is allowed and found within `waitMs`; otherwise null. Never
 * throws and never waits longer (a permission prompt left open does not hold the report up).
 */
export function currentPosition(
  geolocation: Locate | undefined,
  waitMs: number = POSITION_WAIT_MS,
): Promise<Position | null> {
  if (!geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs);
    const finish = (position: Position | null) => {
      clearTimeout(timer);
      resolve(position);
    };
    try {
      geolocation.getCurrentPosition(
        (result) =>
          finish({
            latitude: result.coords.latitude,
            longitude: result.coords.longitude,
            accuracyMeters: Number.isFinite(result.coords.accuracy)
              ? Math.round(result.coords.accuracy)
              : null,
          }),
        () => finish(null),
        { enableHighAccuracy: true, timeout: waitMs, maximumAge: 60_000 },
      );
    } catch {
      finish(null);
    }
  });
}

/**
 * The one-tap report: when (the moment of the tap) and, if known, where. The reporter is the
 * signed-in user; category, level, persons and narrative are completed later.
 */
export function oneTapReport(tappedAt: Date, position: Position | null): IncidentReportInput {
  return {
    occurredAt: tappedAt.toISOString(),
    place: { position },
    incomplete: true,
    quick: true,
  };
}

/** A report that is still to be completed: no level yet. */
export function isIncomplete(report: { level?: number | null | undefined }): boolean {
  return report.level === null || report.level === undefined;
}

/** An incomplete report its reporter can still complete: the review has not started. */
export function toComplete(report: Pick<IncidentSummary, 'incomplete' | 'status'>): boolean {
  return report.incomplete && report.status === 'submitted';
}

/** The reports to complete first, the others after them, each in the server's order. */
export function completionFirst<T extends Pick<IncidentSummary, 'incomplete' | 'status'>>(
  reports: readonly T[],
): T[] {
  return [...reports.filter(toComplete), ...reports.filter((r) => !toComplete(r))];
}
