import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { dataKeys } from './data-keys.table.js';

export type DataKeyRow = typeof dataKeys.$inferSelect;

export async function listDataKeys({ db }: { db: DbOrTx }) {
  return { keys: await db.select().from(dataKeys).orderBy(asc(dataKeys.id)) };
}

/** Serialises changes to the data keys (first key, rotation) across processes. */
export async function lockDataKeys({ db }: { db: DbOrTx }) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('zemag data keys'))`);
}

export async function insertDataKey({ db, row }: { db: DbOrTx; row: DataKeyRow }) {
  await db.insert(dataKeys).values(row);
}

export async function rewrapDataKey({
  db,
  id,
  wrappedKey,
  kekId,
}: {
  db: DbOrTx;
  id: number;
  wrappedKey: string;
  kekId: string;
}) {
  await db.update(dataKeys).set({ wrappedKey, kekId }).where(eq(dataKeys.id, id));
}

/** Makes one key the active one (the one new values are sealed with). */
export async function activateDataKey({ db, id }: { db: DbOrTx; id: number }) {
  await db.update(dataKeys).set({ active: false }).where(eq(dataKeys.active, true));
  await db.update(dataKeys).set({ active: true }).where(eq(dataKeys.id, id));
}

export async function deleteDataKey({ db, id }: { db: DbOrTx; id: number }) {
  await db.delete(dataKeys).where(eq(dataKeys.id, id));
}
