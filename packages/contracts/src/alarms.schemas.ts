import { z } from 'zod';
import { LocalizedText } from './errors.js';

/**
 * The silent alarm (issue 15): a field employee raises it from the phone, the control room
 * (Leitstelle) acknowledges, notes and closes it. The phone never learns that an alarm was
 * cancelled under duress; the board does.
 */

/** A phone position (WGS 84) with its accuracy radius in metres. */
export const AlarmPosition = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000),
});
export type AlarmPosition = z.infer<typeof AlarmPosition>;

/** `POST /api/v1/alarms`: everything optional — an alarm without anything is still an alarm. */
export const AlarmRaise = z.object({
  position: AlarmPosition.nullable().default(null),
  /** The address of the current visit, as the phone knows it. */
  visitAddress: z.string().trim().max(500).nullable().default(null),
  /** The phone's clock when the control was released (kept beside the server's time). */
  clientTime: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type AlarmRaise = z.infer<typeof AlarmRaise>;

/** What the phone shows: kept on the server, taken by the control room, or closed. */
export const AlarmPhoneState = z.enum(['stored', 'acknowledged', 'closed']);
export type AlarmPhoneState = z.infer<typeof AlarmPhoneState>;

/** An alarm as its employee's phone sees it (never whether it was cancelled under duress). */
export const AlarmMine = z.object({
  id: z.uuid(),
  raisedAt: z.iso.datetime(),
  state: AlarmPhoneState,
  /** Who took it: a function ("Leitstelle"), never a person's name. */
  acknowledgedBy: LocalizedText.nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type AlarmMine = z.infer<typeof AlarmMine>;

export const AlarmMineList = z.object({ alarms: z.array(AlarmMine) });
export type AlarmMineList = z.infer<typeof AlarmMineList>;

/** Alarm PIN and duress PIN, set before they are needed; changing them needs the current PIN. */
const Pin = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');
export const AlarmPins = z.object({
  pin: Pin,
  duressPin: Pin,
  /** The alarm PIN in force, when one is set already. */
  currentPin: z.string().max(8).optional(),
});
export type AlarmPins = z.infer<typeof AlarmPins>;

export const AlarmPinsSet = z.object({ set: z.literal(true) });

/** Cancelling an own alarm with the alarm PIN (or, under duress, the duress PIN). */
export const AlarmCancel = z.object({ pin: z.string().max(8) });
export type AlarmCancel = z.infer<typeof AlarmCancel>;

/** How the control room closed an alarm; `cancelled`: the employee cancelled it with the PIN. */
export const AlarmOutcome = z.enum(['help_arrived', 'false_alarm', 'police', 'other']);
export type AlarmOutcome = z.infer<typeof AlarmOutcome>;
export const AlarmClosedAs = z.enum(['cancelled', ...AlarmOutcome.options]);
export type AlarmClosedAs = z.infer<typeof AlarmClosedAs>;

export const AlarmClose = z.object({
  outcome: AlarmOutcome,
  note: z.string().trim().max(2000).default(''),
});
export type AlarmClose = z.infer<typeof AlarmClose>;

export const AlarmNoteInput = z.object({
  note: z.string().trim().min(1).max(2000),
});
export type AlarmNoteInput = z.infer<typeof AlarmNoteInput>;

const Person = z.object({ id: z.uuid(), displayName: z.string() });

/** An alarm on the control-room board. */
export const AlarmBoardItem = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'closed']),
  /** The employee cancelled it with the duress PIN: being forced, the alarm stays open. */
  duress: z.boolean(),
  duressAt: z.iso.datetime().nullable(),
  user: Person.extend({ username: z.string() }),
  department: z.object({ code: z.string(), name: z.string() }).nullable(),
  raisedAt: z.iso.datetime(),
  /** Seconds since it was raised (by the server's clock at the time of the answer). */
  ageSeconds: z.number().int(),
  visitAddress: z.string().nullable(),
  position: AlarmPosition.extend({ at: z.iso.datetime() }).nullable(),
  acknowledged: z.object({ by: Person, at: z.iso.datetime() }).nullable(),
  closed: z
    .object({
      as: AlarmClosedAs,
      by: Person.nullable(),
      at: z.iso.datetime(),
      note: z.string(),
    })
    .nullable(),
});
export type AlarmBoardItem = z.infer<typeof AlarmBoardItem>;

/** Open alarms first (oldest first), then those closed in the last hour (newest first). */
export const AlarmBoard = z.object({
  alarms: z.array(AlarmBoardItem),
  now: z.iso.datetime(),
});
export type AlarmBoard = z.infer<typeof AlarmBoard>;

/** One alarm with its recent track and the control room's notes. */
export const AlarmDetail = AlarmBoardItem.extend({
  track: z.array(AlarmPosition.extend({ at: z.iso.datetime() })),
  notes: z.array(z.object({ id: z.uuid(), by: Person, at: z.iso.datetime(), note: z.string() })),
});
export type AlarmDetail = z.infer<typeof AlarmDetail>;
