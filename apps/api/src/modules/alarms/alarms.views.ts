import type { AlarmBoardItem, AlarmClosedAs, AlarmMine, LocalizedText } from '@zemag/contracts';
import type { AlarmRow, BoardRow } from './alarms.repository.js';

/** Who takes an alarm, as the phone names it: the function, never a person. */
export const CONTROL_ROOM_NAME: LocalizedText = { de: 'Leitstelle', en: 'Control room' };

/**
 * An alarm as its employee's phone sees it. A cancel with the duress PIN looks like any
 * cancel: closed at that moment, and taken only if it was taken before — whatever the control
 * room does afterwards stays invisible to whoever holds the phone.
 */
export function phoneView(row: AlarmRow): AlarmMine {
  const endedAt = row.duressAt ?? (row.status === 'closed' ? row.closedAt : null);
  // a closed alarm cannot be taken any more; one "cancelled" under duress can, unseen
  const acknowledged =
    row.acknowledgedAt !== null && (row.duressAt === null || row.acknowledgedAt < row.duressAt);
  return {
    id: row.id,
    raisedAt: row.raisedAt.toISOString(),
    state: endedAt !== null ? 'closed' : acknowledged ? 'acknowledged' : 'stored',
    acknowledgedBy: acknowledged ? CONTROL_ROOM_NAME : null,
    acknowledgedAt: acknowledged ? row.acknowledgedAt!.toISOString() : null,
    closedAt: endedAt?.toISOString() ?? null,
  };
}

/** An alarm on the control-room board, its age by the server's clock `now`. */
export function boardView(row: BoardRow, now: Date): AlarmBoardItem {
  const a = row.alarm;
  return {
    id: a.id,
    status: a.status as 'open' | 'closed',
    duress: a.duressAt !== null,
    duressAt: a.duressAt?.toISOString() ?? null,
    user: { id: a.userId, username: row.username, displayName: row.displayName },
    department:
      row.departmentCode !== null
        ? { code: row.departmentCode, name: row.departmentName ?? '' }
        : null,
    raisedAt: a.raisedAt.toISOString(),
    ageSeconds: Math.max(0, Math.floor((now.getTime() - a.raisedAt.getTime()) / 1000)),
    visitAddress: a.visitAddress,
    position:
      a.lat !== null && a.lon !== null && a.positionAt !== null
        ? { lat: a.lat, lon: a.lon, accuracyM: a.accuracyM ?? 0, at: a.positionAt.toISOString() }
        : null,
    acknowledged:
      a.acknowledgedBy !== null && a.acknowledgedAt !== null
        ? {
            by: { id: a.acknowledgedBy, displayName: row.acknowledgedByName ?? '' },
            at: a.acknowledgedAt.toISOString(),
          }
        : null,
    closed:
      a.status === 'closed' && a.closedAs !== null && a.closedAt !== null
        ? {
            as: a.closedAs as AlarmClosedAs,
            by: a.closedBy ? { id: a.closedBy, displayName: row.closedByName ?? '' } : null,
            at: a.closedAt.toISOString(),
            note: a.closeNote ?? '',
          }
        : null,
  };
}
