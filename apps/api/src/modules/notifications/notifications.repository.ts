import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { notifications } from './notifications.table.js';

export type NotificationInsert = typeof notifications.$inferInsert;

export async function insertNotification({
  db,
  notice,
}: {
  db: DbOrTx;
  notice: NotificationInsert;
}) {
  await db.insert(notifications).values(notice);
}

export async function listNotifications({ db, recipientId }: { db: DbOrTx; recipientId: string }) {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.recipientId, recipientId))
    .orderBy(desc(notifications.createdAt))
    .limit(100);
  return { rows };
}

export async function markRead({
  db,
  recipientId,
  ids,
  at,
}: {
  db: DbOrTx;
  recipientId: string;
  ids: string[];
  at: Date;
}) {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        inArray(notifications.id, ids),
        isNull(notifications.readAt),
      ),
    );
}
