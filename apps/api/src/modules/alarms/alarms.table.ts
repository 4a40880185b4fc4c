import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Silent alarms (README beside this file). Stored before the phone gets its answer; `open`
 * until the control room closes it or the employee cancels it with the alarm PIN. A cancel
 * with the duress PIN sets `duress_at` and leaves it open. The latest position is kept here,
 * a short track in `alarm_positions`.
 */
export const alarms = pgTable(
  'alarms',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    raisedAt: at('raised_at').notNull(),
    clientTime: at('client_time'),
    visitAddress: text('visit_address'),
    status: text('status').notNull().default('open'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    accuracyM: doublePrecision('accuracy_m'),
    positionAt: at('position_at'),
    duressAt: at('duress_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: at('acknowledged_at'),
    closedAs: text('closed_as'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: at('closed_at'),
    closeNote: text('close_note'),
  },
  (t) => [
    index('alarms_status_raised_idx').on(t.status, t.raisedAt),
    index('alarms_user_raised_idx').on(t.userId, t.raisedAt),
    check('alarms_status', sql`${t.status} IN ('open', 'closed')`),
    check(
      'alarms_closed_as',
      sql`${t.closedAs} IS NULL OR ${t.closedAs} IN ('cancelled', 'help_arrived', 'false_alarm', 'police', 'other')`,
    ),
    check(
      'alarms_closed_whole',
      sql`(${t.status} = 'closed') = (${t.closedAs} IS NOT NULL AND ${t.closedAt} IS NOT NULL)`,
    ),
    check(
      'alarms_acknowledged_whole',
      sql`(${t.acknowledgedBy} IS NULL) = (${t.acknowledgedAt} IS NULL)`,
    ),
    check(
      'alarms_position_whole',
      sql`(${t.lat} IS NULL) = (${t.lon} IS NULL) AND (${t.lat} IS NULL) = (${t.positionAt} IS NULL)`,
    ),
  ],
);

/** The recent positions of an alarm (the newest few; older ones are dropped as new arrive). */
export const alarmPositions = pgTable(
  'alarm_positions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    alarmId: uuid('alarm_id')
      .notNull()
      .references(() => alarms.id, { onDelete: 'cascade' }),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    accuracyM: doublePrecision('accuracy_m').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('alarm_positions_alarm_idx').on(t.alarmId, t.recordedAt)],
);

/** The control room's notes on an alarm. */
export const alarmNotes = pgTable(
  'alarm_notes',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    alarmId: uuid('alarm_id')
      .notNull()
      .references(() => alarms.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('alarm_notes_alarm_idx').on(t.alarmId, t.createdAt)],
);

/** An employee's alarm PIN and duress PIN (argon2id, like passwords). */
export const alarmPins = pgTable('alarm_pins', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  pinHash: text('pin_hash').notNull(),
  duressHash: text('duress_hash').notNull(),
  updatedAt: at('updated_at').notNull(),
});
