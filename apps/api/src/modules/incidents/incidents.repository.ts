import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/database.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import { incidentMessages, incidentPersons, incidents } from './incidents.table.js';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentInsert = Omit<typeof incidents.$inferInsert, 'number' | 'reference'>;
export type IncidentPersonRow = typeof incidentPersons.$inferSelect;
export type IncidentMessageRow = typeof incidentMessages.$inferSelect & { authorName: string };

/** Stores a report with a readable reference `V-<year>-<number>` from the table's sequence. */
export async function insertIncident({
  db,
  cipher,
  incident,
  year,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  incident: IncidentInsert;
  year: string;
}) {
  const id = incident.id ?? randomUUID();
  const [next] = rowsOf<{ number: number }>(
    await db.execute(
      sql`select nextval(pg_get_serial_sequence('incidents', 'number'))::int as number`,
    ),
  );
  const number = next!.number;
  const reference = `V-${year}-${String(number).padStart(5, '0')}`;
  const [row] = await db
    .insert(incidents)
    .values({
      ...incident,
      id,
      number,
      reference,
      description: await cipher.seal(db, 'incidents.description', id, incident.description),
    })
    .returning();
  if (!row) throw new Error('insert into incidents returned no row');
  return { incident: await openIncident(db, cipher, row) };
}

/** The incident row with its narrative in plain text. */
export async function openIncident<T extends Pick<IncidentRow, 'id' | 'description'>>(
  db: DbOrTx,
  cipher: FieldCipher,
  row: T,
): Promise<T> {
  return {
    ...row,
    description: await cipher.open(db, 'incidents.description', row.id, row.description),
  };
}

/** The person involved with the description in plain text. */
export async function openInvolved<T extends Pick<IncidentPersonRow, 'id' | 'description'>>(
  db: DbOrTx,
  cipher: FieldCipher,
  row: T,
): Promise<T> {
  return {
    ...row,
    description: await cipher.open(db, 'incident_persons.description', row.id, row.description),
  };
}

/** The stored form of a person involved's description (sealed under its row id). */
export async function sealInvolvedDescription(
  db: DbOrTx,
  cipher: FieldCipher,
  id: string,
  description: string | null | undefined,
) {
  return cipher.seal(db, 'incident_persons.description', id, description ?? null);
}

export async function replaceInvolvedPersons({
  db,
  cipher,
  incidentId,
  persons,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  incidentId: string;
  persons: Omit<typeof incidentPersons.$inferInsert, 'incidentId' | 'position'>[];
}) {
  await db.delete(incidentPersons).where(eq(incidentPersons.incidentId, incidentId));
  if (persons.length === 0) return;
  const rows = [];
  for (const [position, p] of persons.entries()) {
    const id = p.id ?? randomUUID();
    const description = await sealInvolvedDescription(db, cipher, id, p.description);
    rows.push({ ...p, id, description, incidentId, position });
  }
  await db.insert(incidentPersons).values(rows);
}

export async function updateIncident({
  db,
  cipher,
  id,
  changes,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  id: string;
  changes: Partial<typeof incidents.$inferInsert>;
}) {
  const sealed =
    changes.description === undefined
      ? changes
      : {
          ...changes,
          description: await cipher.seal(db, 'incidents.description', id, changes.description),
        };
  const [row] = await db
    .update(incidents)
    .set({ ...sealed, version: sql`${incidents.version} + 1` })
    .where(eq(incidents.id, id))
    .returning();
  return { incident: row ? await openIncident(db, cipher, row) : null };
}

/**
 * Locks the row for the rest of the transaction, so two decisions cannot interleave. The
 * narrative stays encrypted (status and reporter checks only; `findIncident` opens it).
 */
export async function findIncidentForUpdate({ db, id }: { db: DbOrTx; id: string }) {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id)).for('update');
  return { incident: row ?? null };
}

export async function findIncident({
  db,
  cipher,
  id,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  id: string;
}) {
  const [row] = await db
    .select({ incident: incidents, reporterName: users.displayName, department: departments.name })
    .from(incidents)
    .innerJoin(users, eq(users.id, incidents.reporterId))
    .leftJoin(departments, eq(departments.id, incidents.reporterDepartmentId))
    .where(eq(incidents.id, id));
  if (!row) return { found: null };
  const persons = await db
    .select()
    .from(incidentPersons)
    .where(eq(incidentPersons.incidentId, id))
    .orderBy(asc(incidentPersons.position));
  const messages = await db
    .select({ message: incidentMessages, authorName: users.displayName })
    .from(incidentMessages)
    .innerJoin(users, eq(users.id, incidentMessages.authorId))
    .where(eq(incidentMessages.incidentId, id))
    .orderBy(asc(incidentMessages.createdAt));
  return {
    found: {
      ...row,
      incident: await openIncident(db, cipher, row.incident),
      persons: await Promise.all(persons.map((p) => openInvolved(db, cipher, p))),
      messages: messages.map((m) => ({ ...m.message, authorName: m.authorName })),
    },
  };
}

export async function insertMessage({
  db,
  message,
}: {
  db: DbOrTx;
  message: typeof incidentMessages.$inferInsert;
}) {
  await db.insert(incidentMessages).values(message);
}

const summaryColumns = {
  incident: incidents,
  reporterName: users.displayName,
  openQuestion: sql<boolean>`${incidents.status} = 'needs_info'`,
};

export async function listByReporter({ db, reporterId }: { db: DbOrTx; reporterId: string }) {
  const rows = await db
    .select(summaryColumns)
    .from(incidents)
    .innerJoin(users, eq(users.id, incidents.reporterId))
    .where(eq(incidents.reporterId, reporterId))
    .orderBy(desc(incidents.submittedAt))
    .limit(500);
  return { rows };
}

/** The review queue of a registrar (never their own reports): level 3 on top, then oldest first. */
export async function listForReview({ db, registrarId }: { db: DbOrTx; registrarId: string }) {
  const rows = await db
    .select(summaryColumns)
    .from(incidents)
    .innerJoin(users, eq(users.id, incidents.reporterId))
    .where(
      and(
        inArray(incidents.status, ['submitted', 'in_review']),
        ne(incidents.reporterId, registrarId),
      ),
    )
    // An incomplete report (no level yet) sorts with the others, not above level 3.
    .orderBy(desc(sql`coalesce(${incidents.level} = 3, false)`), asc(incidents.submittedAt))
    .limit(500);
  return { rows };
}

export async function findInvolvedPerson({
  db,
  incidentId,
  involvedId,
}: {
  db: DbOrTx;
  incidentId: string;
  involvedId: string;
}) {
  const [row] = await db
    .select()
    .from(incidentPersons)
    .where(and(eq(incidentPersons.incidentId, incidentId), eq(incidentPersons.id, involvedId)));
  return { involved: row ?? null };
}

export async function linkInvolvedPerson({
  db,
  involvedId,
  personId,
}: {
  db: DbOrTx;
  involvedId: string;
  personId: string;
}) {
  await db.update(incidentPersons).set({ personId }).where(eq(incidentPersons.id, involvedId));
}

/** Moves every link from one person record to another (merge). */
export async function relinkPersons({
  db,
  fromPersonId,
  toPersonId,
}: {
  db: DbOrTx;
  fromPersonId: string;
  toPersonId: string;
}) {
  await db
    .update(incidentPersons)
    .set({ personId: toPersonId })
    .where(eq(incidentPersons.personId, fromPersonId));
}

/** Confirmed and other incidents a person is linked to (for listing rules; narratives stay encrypted). */
export async function listIncidentsOfPerson({ db, personId }: { db: DbOrTx; personId: string }) {
  const rows = await db
    .selectDistinct({ incident: incidents })
    .from(incidentPersons)
    .innerJoin(incidents, eq(incidents.id, incidentPersons.incidentId))
    .where(eq(incidentPersons.personId, personId))
    .orderBy(desc(incidents.occurredAt));
  return { incidents: rows.map((r) => r.incident) };
}

/** The reports a person record is linked to, newest first, as list lines. */
export async function listSummariesOfPerson({ db, personId }: { db: DbOrTx; personId: string }) {
  const linked = db
    .selectDistinct({ id: incidentPersons.incidentId })
    .from(incidentPersons)
    .where(eq(incidentPersons.personId, personId));
  const rows = await db
    .select(summaryColumns)
    .from(incidents)
    .innerJoin(users, eq(users.id, incidents.reporterId))
    .where(inArray(incidents.id, linked))
    .orderBy(desc(incidents.occurredAt));
  return { rows };
}
