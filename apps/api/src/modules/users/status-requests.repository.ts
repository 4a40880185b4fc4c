import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.js';
import { users } from '../identity/identity.table.js';
import { userStatusRequests } from './status-requests.table.js';

const requester = alias(users, 'requester');

const columns = {
  request: userStatusRequests,
  requestedByName: requester.displayName,
  user: { id: users.id, username: users.username, displayName: users.displayName },
};

export async function findStatusRequest({ db, userId }: { db: DbOrTx; userId: string }) {
  const [row] = await db
    .select(columns)
    .from(userStatusRequests)
    .innerJoin(users, eq(users.id, userStatusRequests.userId))
    .innerJoin(requester, eq(requester.id, userStatusRequests.requestedBy))
    .where(eq(userStatusRequests.userId, userId))
    .limit(1);
  return { row: row ?? null };
}

export async function listStatusRequests({ db }: { db: DbOrTx }) {
  const rows = await db
    .select(columns)
    .from(userStatusRequests)
    .innerJoin(users, eq(users.id, userStatusRequests.userId))
    .innerJoin(requester, eq(requester.id, userStatusRequests.requestedBy))
    .orderBy(asc(userStatusRequests.requestedAt));
  return { rows };
}

export async function insertStatusRequest({
  db,
  request,
}: {
  db: DbOrTx;
  request: typeof userStatusRequests.$inferInsert;
}) {
  const inserted = await db
    .insert(userStatusRequests)
    .values(request)
    .onConflictDoNothing()
    .returning({ userId: userStatusRequests.userId });
  return { inserted: inserted.length === 1 };
}

export async function deleteStatusRequest({ db, userId }: { db: DbOrTx; userId: string }) {
  await db.delete(userStatusRequests).where(eq(userStatusRequests.userId, userId));
}
