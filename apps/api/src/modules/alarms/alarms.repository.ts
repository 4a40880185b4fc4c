import { and, asc, desc, eq, gte, isNull, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import { alarmNotes, alarmPins, alarmPositions, alarms } from './alarms.table.js';

export type AlarmRow = typeof alarms.$inferSelect;
export type AlarmPinsRow = typeof alarmPins.$inferSelect;

/** How many positions of an alarm are kept (15 s apart: the last five minutes). */
export const TRACK_LENGTH = 20;

export interface Fix {
  lat: number;
  lon: number;
  accuracyM: number;
}

export async function insertAlarm(
  db: DbOrTx,
  row: Omit<typeof alarms.$inferInsert, 'id' | 'status'>,
): Promise<AlarmRow> {
  const [inserted] = await db.insert(alarms).values(row).returning();
  return inserted!;
}

/** Adds a position to the track and keeps only the newest `TRACK_LENGTH`. */
export async function addPosition(db: DbOrTx, alarmId: string, fix: Fix, at: Date) {
  await db.insert(alarmPositions).values({ alarmId, ...fix, recordedAt: at });
  const keep = db
    .select({ id: alarmPositions.id })
    .from(alarmPositions)
    .where(eq(alarmPositions.alarmId, alarmId))
    .orderBy(desc(alarmPositions.recordedAt), desc(alarmPositions.id))
    .limit(TRACK_LENGTH);
  await db
    .delete(alarmPositions)
    .where(and(eq(alarmPositions.alarmId, alarmId), notInArray(alarmPositions.id, keep)));
}

/** The latest position of an open own alarm; null when it is not the user's or not open. */
export async function setLatestPosition(
  db: DbOrTx,
  { id, userId, fix, at }: { id: string; userId: string; fix: Fix; at: Date },
): Promise<AlarmRow | null> {
  const [row] = await db
    .update(alarms)
    .set({ ...fix, positionAt: at })
    .where(and(eq(alarms.id, id), eq(alarms.userId, userId), eq(alarms.status, 'open')))
    .returning();
  return row ?? null;
}

export async function findAlarm(db: DbOrTx, id: string): Promise<AlarmRow | null> {
  const [row] = await db.select().from(alarms).where(eq(alarms.id, id));
  return row ?? null;
}

/** Locks an alarm for a change that depends on its state (cancel). */
export async function findAlarmForUpdate(db: DbOrTx, id: string): Promise<AlarmRow | null> {
  const [row] = await db.select().from(alarms).where(eq(alarms.id, id)).for('update');
  return row ?? null;
}

/** Takes an open, untaken alarm: the one conditional update only one handler can win. */
export async function markAcknowledged(
  db: DbOrTx,
  { id, by, at }: { id: string; by: string; at: Date },
): Promise<boolean> {
  const updated = await db
    .update(alarms)
    .set({ acknowledgedBy: by, acknowledgedAt: at })
    .where(and(eq(alarms.id, id), eq(alarms.status, 'open'), isNull(alarms.acknowledgedAt)))
    .returning({ id: alarms.id });
  return updated.length === 1;
}

/** Closes an open alarm; false when it was closed already (or does not exist). */
export async function markClosed(
  db: DbOrTx,
  { id, as, by, at, note }: { id: string; as: string; by: string | null; at: Date; note: string },
): Promise<boolean> {
  const updated = await db
    .update(alarms)
    .set({ status: 'closed', closedAs: as, closedBy: by, closedAt: at, closeNote: note })
    .where(and(eq(alarms.id, id), eq(alarms.status, 'open')))
    .returning({ id: alarms.id });
  return updated.length === 1;
}

export async function markDuress(db: DbOrTx, id: string, at: Date) {
  await db.update(alarms).set({ duressAt: at }).where(eq(alarms.id, id));
}

export async function insertNote(
  db: DbOrTx,
  row: { alarmId: string; authorId: string; note: string; createdAt: Date },
): Promise<string> {
  const [inserted] = await db.insert(alarmNotes).values(row).returning({ id: alarmNotes.id });
  return inserted!.id;
}

/** An employee's alarms raised since `since` or still open, newest first. */
export async function listOwn(db: DbOrTx, userId: string, since: Date): Promise<AlarmRow[]> {
  return db
    .select()
    .from(alarms)
    .where(
      and(eq(alarms.userId, userId), or(eq(alarms.status, 'open'), gte(alarms.raisedAt, since))),
    )
    .orderBy(desc(alarms.raisedAt))
    .limit(20);
}

const raiser = alias(users, 'raiser');
const acknowledger = alias(users, 'acknowledger');
const closer = alias(users, 'closer');

/** Alarms with the names the board shows. */
function boardQuery(db: DbOrTx) {
  return db
    .select({
      alarm: alarms,
      username: raiser.username,
      displayName: raiser.displayName,
      departmentCode: departments.code,
      departmentName: departments.name,
      acknowledgedByName: acknowledger.displayName,
      closedByName: closer.displayName,
    })
    .from(alarms)
    .innerJoin(raiser, eq(raiser.id, alarms.userId))
    .leftJoin(departments, eq(departments.id, alarms.departmentId))
    .leftJoin(acknowledger, eq(acknowledger.id, alarms.acknowledgedBy))
    .leftJoin(closer, eq(closer.id, alarms.closedBy));
}
export type BoardRow = Awaited<ReturnType<ReturnType<typeof boardQuery>['execute']>>[number];

/** Open alarms (oldest first) and those closed since `closedSince` (newest first). */
export async function listBoard(db: DbOrTx, closedSince: Date): Promise<BoardRow[]> {
  return boardQuery(db)
    .where(or(eq(alarms.status, 'open'), gte(alarms.closedAt, closedSince)))
    .orderBy(
      sql`CASE WHEN ${alarms.status} = 'open' THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${alarms.status} = 'open' THEN ${alarms.raisedAt} END ASC`,
      desc(alarms.closedAt),
    )
    .limit(500);
}

export async function findBoardRow(db: DbOrTx, id: string): Promise<BoardRow | null> {
  const [row] = await boardQuery(db).where(eq(alarms.id, id));
  return row ?? null;
}

export async function trackOf(db: DbOrTx, alarmId: string) {
  return db
    .select()
    .from(alarmPositions)
    .where(eq(alarmPositions.alarmId, alarmId))
    .orderBy(asc(alarmPositions.recordedAt));
}

export async function notesOf(db: DbOrTx, alarmId: string) {
  return db
    .select({
      id: alarmNotes.id,
      authorId: alarmNotes.authorId,
      authorName: users.displayName,
      note: alarmNotes.note,
      createdAt: alarmNotes.createdAt,
    })
    .from(alarmNotes)
    .innerJoin(users, eq(users.id, alarmNotes.authorId))
    .where(eq(alarmNotes.alarmId, alarmId))
    .orderBy(asc(alarmNotes.createdAt), asc(alarmNotes.id));
}

export async function findPins(db: DbOrTx, userId: string): Promise<AlarmPinsRow | null> {
  const [row] = await db.select().from(alarmPins).where(eq(alarmPins.userId, userId));
  return row ?? null;
}

export async function savePins(db: DbOrTx, row: AlarmPinsRow) {
  await db
    .insert(alarmPins)
    .values(row)
    .onConflictDoUpdate({
      target: alarmPins.userId,
      set: { pinHash: row.pinHash, duressHash: row.duressHash, updatedAt: row.updatedAt },
    });
}

export async function departmentOf(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(eq(users.id, userId));
  return row?.departmentId ?? null;
}
