import {
  waitText,
  type AlarmBoard,
  type AlarmClose,
  type AlarmDetail,
  type AlarmMine,
  type AlarmMineList,
  type AlarmPins,
  type AlarmPosition,
  type AlarmRaise,
} from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { hashPassword, verifyPassword } from '../identity/password.js';
import { release, reserve, type Reservation } from '../identity/throttle.service.js';
import {
  addPosition,
  departmentOf,
  findAlarm,
  findAlarmForUpdate,
  findBoardRow,
  findPins,
  insertAlarm,
  insertNote,
  listBoard,
  listOwn,
  markAcknowledged,
  markClosed,
  markDuress,
  notesOf,
  savePins,
  setLatestPosition,
  trackOf,
} from './alarms.repository.js';
import { boardView, phoneView } from './alarms.views.js';

/** Closed alarms stay on the board this long, so the control room sees how they ended. */
const BOARD_CLOSED_MS = 60 * 60_000;
/** The phone lists its closed alarms of the last day. */
const MINE_CLOSED_MS = 24 * 60 * 60_000;

type Actor = { id: string };

/** PIN attempts count on one throttle key per employee, like sign-ins on an account. */
const pinKey = (userId: string) => [{ key: `alarm_pin:${userId}`, kind: 'account' as const }];

/**
 * The silent alarm (README beside this file): stored and audited in one transaction before
 * the phone is answered; acknowledged by exactly one handler; cancelled with the alarm PIN or,
 * under duress, "cancelled" with the duress PIN — which the phone cannot tell apart.
 */
export function createAlarmsService({
  db,
  audit,
  clock,
  idempotency,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  idempotency: IdempotencyService;
}) {
  async function detail(tx: DbOrTx, id: string): Promise<AlarmDetail> {
    const row = await findBoardRow(tx, id);
    if (!row) throw new AppError(404, 'resource.not_found');
    const track = await trackOf(tx, id);
    const notes = await notesOf(tx, id);
    return {
      ...boardView(row, clock.now()),
      track: track.map((p) => ({
        lat: p.lat,
        lon: p.lon,
        accuracyM: p.accuracyM,
        at: p.recordedAt.toISOString(),
      })),
      notes: notes.map((n) => ({
        id: n.id,
        by: { id: n.authorId, displayName: n.authorName },
        at: n.createdAt.toISOString(),
        note: n.note,
      })),
    };
  }

  /** Why a change to an alarm did not happen: it does not exist, or it is closed. */
  async function refusal(tx: DbOrTx, id: string): Promise<AppError> {
    const row = await findAlarm(tx, id);
    if (!row) return new AppError(404, 'resource.not_found');
    if (row.status === 'closed') return new AppError(409, 'alarm.closed');
    return new AppError(409, 'alarm.already_acknowledged');
  }

  /**
   * Counts a PIN attempt before the PIN is checked (identity's sign-in throttle): five free
   * attempts, then a delay that doubles up to 15 minutes.
   */
  async function reservePinAttempt(userId: string, refusedAction: string, subject?: string) {
    const now = clock.now();
    const reserved = await db.transaction(async (tx) => {
      const result = await reserve({ tx, keys: pinKey(userId), now });
      if ('retryAfterMs' in result) {
        await audit.record({
          tx,
          actor: userId,
          action: refusedAction,
          ...(subject ? { subject: { type: 'alarm', id: subject } } : {}),
          details: { reason: 'throttled' },
        });
      }
      return result;
    });
    if ('retryAfterMs' in reserved) {
      const seconds = Math.ceil(reserved.retryAfterMs / 1000);
      throw new AppError(429, 'alarm.pin_throttled', {
        params: { wait: waitText(seconds) },
        retryAfterSeconds: seconds,
      });
    }
    return reserved.reservation;
  }

  const forgetFailures = (tx: Parameters<typeof release>[0]['tx'], r: Reservation, id: string) =>
    release({ tx, reservation: r, forget: pinKey(id).map((k) => k.key), now: clock.now() });

  return {
    /** Stores an alarm exactly once per idempotency key, audited, before the answer. */
    async raise({ actor, key, input }: { actor: Actor; key: string; input: AlarmRaise }) {
      return idempotency.run<AlarmMine>({
        userId: actor.id,
        key,
        operation: 'alarm.raise',
        request: input,
        status: 201,
        perform: async (tx) => {
          const now = clock.now();
          const row = await insertAlarm(tx, {
            userId: actor.id,
            departmentId: await departmentOf(tx, actor.id),
            raisedAt: now,
            clientTime: input.clientTime ? new Date(input.clientTime) : null,
            visitAddress: input.visitAddress || null,
            ...(input.position ? { ...input.position, positionAt: now } : {}),
          });
          if (input.position) await addPosition(tx, row.id, input.position, now);
          await audit.record({
            tx,
            actor: actor.id,
            action: 'alarm.raise',
            subject: { type: 'alarm', id: row.id },
            details: {
              position: input.position !== null,
              visitAddress: row.visitAddress !== null,
              department: row.departmentId,
            },
          });
          return phoneView(row);
        },
      });
    },

    /**
     * A new position of an open own alarm. After a duress cancel the position is still kept for
     * the board, but the phone is answered as for a closed alarm (409), as after a real cancel.
     */
    async position({ actor, id, fix }: { actor: Actor; id: string; fix: AlarmPosition }) {
      const row = await db.transaction(async (tx) => {
        const now = clock.now();
        const updated = await setLatestPosition(tx, { id, userId: actor.id, fix, at: now });
        if (!updated) {
          const found = await findAlarm(tx, id);
          if (!found || found.userId !== actor.id) throw new AppError(404, 'resource.not_found');
          throw new AppError(409, 'alarm.closed');
        }
        await addPosition(tx, id, fix, now);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.position',
          subject: { type: 'alarm', id },
          details: { accuracyM: fix.accuracyM },
        });
        return updated;
      });
      if (row.duressAt !== null) throw new AppError(409, 'alarm.closed');
      return phoneView(row);
    },

    async mine({ actor }: { actor: Actor }): Promise<AlarmMineList> {
      return db.transaction(async (tx) => {
        const rows = await listOwn(tx, actor.id, new Date(clock.now().getTime() - MINE_CLOSED_MS));
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.read_own',
          details: { shown: rows.length },
        });
        return { alarms: rows.map(phoneView) };
      });
    },

    /** Sets both PINs; replacing them needs the alarm PIN in force (counted like a cancel). */
    async setPins({ actor, input }: { actor: Actor; input: AlarmPins }) {
      if (input.pin === input.duressPin) {
        throw new AppError(400, 'alarm.pins_same', { field: 'duressPin' });
      }
      const existing = await findPins(db, actor.id);
      let reservation: Reservation | null = null;
      if (existing) {
        reservation = await reservePinAttempt(actor.id, 'alarm.pins_refused');
        if (!(await verifyPassword(existing.pinHash, input.currentPin ?? ''))) {
          await db.transaction((tx) =>
            audit.record({
              tx,
              actor: actor.id,
              action: 'alarm.pins_refused',
              details: { reason: 'wrong_pin' },
            }),
          );
          throw new AppError(400, 'alarm.pin_wrong', { field: 'currentPin' });
        }
      }
      const [pinHash, duressHash] = await Promise.all([
        hashPassword(input.pin),
        hashPassword(input.duressPin),
      ]);
      await db.transaction(async (tx) => {
        if (reservation) await forgetFailures(tx, reservation, actor.id);
        await savePins(tx, { userId: actor.id, pinHash, duressHash, updatedAt: clock.now() });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.pins_set',
          details: { replaced: existing !== null },
        });
      });
      return { set: true as const };
    },

    /**
     * The employee's cancel. Both PINs are checked every time (the same work whichever one
     * matches); the duress PIN answers exactly like the alarm PIN but keeps the alarm open and
     * marks it for the board.
     */
    async cancel({ actor, id, pin }: { actor: Actor; id: string; pin: string }) {
      const found = await findAlarm(db, id);
      if (!found || found.userId !== actor.id) throw new AppError(404, 'resource.not_found');
      if (found.status === 'closed' || found.duressAt !== null) {
        throw new AppError(409, 'alarm.closed');
      }
      const pins = await findPins(db, actor.id);
      if (!pins) throw new AppError(409, 'alarm.pins_not_set');
      const reservation = await reservePinAttempt(actor.id, 'alarm.cancel_refused', id);
      const [normal, duress] = await Promise.all([
        verifyPassword(pins.pinHash, pin),
        verifyPassword(pins.duressHash, pin),
      ]);
      const outcome = await db.transaction(async (tx) => {
        if (!normal && !duress) {
          await audit.record({
            tx,
            actor: actor.id,
            action: 'alarm.cancel_refused',
            subject: { type: 'alarm', id },
            details: { reason: 'wrong_pin' },
          });
          return null;
        }
        await forgetFailures(tx, reservation, actor.id);
        const row = await findAlarmForUpdate(tx, id);
        if (!row || row.status === 'closed' || row.duressAt !== null) {
          throw new AppError(409, 'alarm.closed');
        }
        const now = clock.now();
        if (duress) await markDuress(tx, id, now);
        else await markClosed(tx, { id, as: 'cancelled', by: actor.id, at: now, note: '' });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.cancel',
          subject: { type: 'alarm', id },
          details: { duress },
        });
        return phoneView((await findAlarm(tx, id))!);
      });
      if (!outcome) throw new AppError(400, 'alarm.pin_wrong', { field: 'pin' });
      return outcome;
    },

    async board({ actor }: { actor: Actor }): Promise<AlarmBoard> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const rows = await listBoard(tx, new Date(now.getTime() - BOARD_CLOSED_MS));
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.board_read',
          details: { shown: rows.length },
        });
        return { alarms: rows.map((row) => boardView(row, now)), now: now.toISOString() };
      });
    },

    async get({ actor, id }: { actor: Actor; id: string }): Promise<AlarmDetail> {
      return db.transaction(async (tx) => {
        const result = await detail(tx, id);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.read',
          subject: { type: 'alarm', id },
        });
        return result;
      });
    },

    /** Exactly one handler takes an alarm: the others get 409 `alarm.already_acknowledged`. */
    async acknowledge({ actor, id }: { actor: Actor; id: string }): Promise<AlarmDetail> {
      return db.transaction(async (tx) => {
        if (!(await markAcknowledged(tx, { id, by: actor.id, at: clock.now() }))) {
          throw await refusal(tx, id);
        }
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.acknowledge',
          subject: { type: 'alarm', id },
        });
        return detail(tx, id);
      });
    },

    async note({ actor, id, note }: { actor: Actor; id: string; note: string }) {
      return db.transaction(async (tx) => {
        if (!(await findAlarm(tx, id))) throw new AppError(404, 'resource.not_found');
        const noteId = await insertNote(tx, {
          alarmId: id,
          authorId: actor.id,
          note,
          createdAt: clock.now(),
        });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.note',
          subject: { type: 'alarm', id },
          details: { note: noteId },
        });
        return detail(tx, id);
      });
    },

    async close({ actor, id, input }: { actor: Actor; id: string; input: AlarmClose }) {
      return db.transaction(async (tx) => {
        const closed = await markClosed(tx, {
          id,
          as: input.outcome,
          by: actor.id,
          at: clock.now(),
          note: input.note,
        });
        if (!closed) throw await refusal(tx, id);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'alarm.close',
          subject: { type: 'alarm', id },
          details: { outcome: input.outcome },
        });
        return detail(tx, id);
      });
    },
  };
}

export type AlarmsService = ReturnType<typeof createAlarmsService>;
