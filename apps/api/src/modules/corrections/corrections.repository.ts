import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { users } from '../identity/identity.table.js';
import { corrections } from './corrections.table.js';

export type CorrectionInsert = typeof corrections.$inferInsert;

export async function insertCorrection({ db, row }: { db: DbOrTx; row: CorrectionInsert }) {
  const [inserted] = await db.insert(corrections).values(row).returning({ id: corrections.id });
  if (!inserted) throw new Error('insert into corrections returned no row');
  return { id: inserted.id };
}

/** The corrections of one person or one incident, newest first, with the registrar's name. */
export async function listCorrections({
  db,
  subject,
}: {
  db: DbOrTx;
  subject: { personId: string } | { incidentId: string };
}) {
  const where =
    'personId' in subject
      ? eq(corrections.personId, subject.personId)
      : eq(corrections.incidentId, subject.incidentId);
  const rows = await db
    .select({ correction: corrections, actorName: users.displayName })
    .from(corrections)
    .innerJoin(users, eq(users.id, corrections.actorId))
    .where(where)
    .orderBy(desc(corrections.at), desc(corrections.id));
  return { rows };
}
