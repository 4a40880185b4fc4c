import { and, asc, eq, inArray, isNotNull, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { auditEvents } from '../audit/audit.table.js';
import { corrections } from '../corrections/corrections.table.js';
import { openChanges } from '../corrections/corrections.seal.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { openIncident, openInvolved } from '../incidents/incidents.repository.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import { incidentMessages, incidentPersons, incidents } from '../incidents/incidents.table.js';
import { listingHistory, listingIncidents, listings } from '../listings/listings.table.js';
import { lookupDisclosures } from '../lookup/lookup.table.js';
import { personAddresses, personNames, persons } from '../persons/persons.table.js';
import { subjectRequests } from './subject-requests.table.js';

/**
 * Every row stored on a person, whole (`select *`), for the Art. 15 access export: a column
 * added to one of these tables is exported without a change here. access.export.ts decides
 * what is withheld.
 */
export async function loadPersonRows({
  db,
  cipher,
  personId,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  personId: string;
}) {
  // narratives, descriptions and notes are stored encrypted: the export shows them in plain text
  const openNotes = async (p: typeof persons.$inferSelect) => ({
    ...p,
    notes: await cipher.open(db, 'persons.notes', p.id, p.notes),
  });
  const [stored] = await db.select().from(persons).where(eq(persons.id, personId));
  if (!stored) return null;
  const person = await openNotes(stored);
  const merged = await Promise.all(
    (await db.select().from(persons).where(eq(persons.mergedIntoId, personId))).map(openNotes),
  );
  const ids = [personId, ...merged.map((m) => m.id)];
  const aliases = await db.select().from(personNames).where(inArray(personNames.personId, ids));
  const addresses = await db
    .select()
    .from(personAddresses)
    .where(inArray(personAddresses.personId, ids))
    .orderBy(asc(personAddresses.validFrom));
  const ownRows = await Promise.all(
    (await db.select().from(incidentPersons).where(inArray(incidentPersons.personId, ids))).map(
      (row) => openInvolved(db, cipher, row),
    ),
  );
  const incidentIds = [...new Set(ownRows.map((r) => r.incidentId))];
  const incidentRows = incidentIds.length
    ? await Promise.all(
        (
          await db
            .select()
            .from(incidents)
            .where(inArray(incidents.id, incidentIds))
            .orderBy(asc(incidents.occurredAt))
        ).map((row) => openIncident(db, cipher, row)),
      )
    : [];
  const others = incidentIds.length
    ? await db
        .select({ incidentId: incidentPersons.incidentId, n: sql<number>`count(*)::int` })
        .from(incidentPersons)
        .where(
          and(
            inArray(incidentPersons.incidentId, incidentIds),
            or(sql`${incidentPersons.personId} is null`, notInArray(incidentPersons.personId, ids)),
          ),
        )
        .groupBy(incidentPersons.incidentId)
    : [];
  const messages = incidentIds.length
    ? await db
        .select({ incidentId: incidentMessages.incidentId, n: sql<number>`count(*)::int` })
        .from(incidentMessages)
        .where(inArray(incidentMessages.incidentId, incidentIds))
        .groupBy(incidentMessages.incidentId)
    : [];
  const listingRows = await db
    .select()
    .from(listings)
    .where(inArray(listings.personId, ids))
    .orderBy(asc(listings.proposedAt));
  const listingIds = listingRows.map((l) => l.id);
  const grounds = listingIds.length
    ? await db
        .select()
        .from(listingIncidents)
        .where(inArray(listingIncidents.listingId, listingIds))
    : [];
  const history = listingIds.length
    ? await db
        .select()
        .from(listingHistory)
        .where(inArray(listingHistory.listingId, listingIds))
        .orderBy(asc(listingHistory.at))
    : [];
  const sealedCorrections = await db
    .select()
    .from(corrections)
    .where(
      incidentIds.length
        ? or(inArray(corrections.personId, ids), inArray(corrections.incidentId, incidentIds))
        : inArray(corrections.personId, ids),
    )
    .orderBy(asc(corrections.at));
  const correctionRows = await Promise.all(
    sealedCorrections.map(async (c) => ({
      ...c,
      changes: await openChanges(
        db,
        cipher,
        c.id,
        c.changes as Record<string, { from: unknown; to: unknown }>,
      ),
    })),
  );
  const requests = await db
    .select()
    .from(subjectRequests)
    .where(inArray(subjectRequests.personId, ids))
    .orderBy(asc(subjectRequests.number));
  const disclosures = await loadDisclosures(db, ids);
  return {
    person,
    merged,
    aliases,
    addresses,
    ownRows,
    incidents: incidentRows,
    otherPersons: new Map(others.map((o) => [o.incidentId, Number(o.n)])),
    messages: new Map(messages.map((m) => [m.incidentId, Number(m.n)])),
    listings: listingRows,
    grounds,
    history,
    corrections: correctionRows,
    requests,
    disclosures,
  };
}
export type PersonRows = NonNullable<Awaited<ReturnType<typeof loadPersonRows>>>;

/**
 * Which departments were shown the person, and when: `lookup_disclosures`, and for look-ups
 * from before that table the audit events `register.lookup` naming the person, with the
 * department of the employee who looked (never the employee).
 */
async function loadDisclosures(db: DbOrTx, ids: string[]) {
  const recorded = await db
    .select({
      id: lookupDisclosures.id,
      personId: lookupDisclosures.personId,
      departmentId: lookupDisclosures.departmentId,
      department: departments.name,
      occurredAt: lookupDisclosures.occurredAt,
      auditSeq: lookupDisclosures.auditSeq,
    })
    .from(lookupDisclosures)
    .leftJoin(departments, eq(departments.id, lookupDisclosures.departmentId))
    .where(inArray(lookupDisclosures.personId, ids))
    .orderBy(asc(lookupDisclosures.occurredAt));
  const known = new Set(recorded.map((r) => r.auditSeq));
  const mentions = or(
    ...ids.map(
      (id) => sql`${auditEvents.details} -> 'personIds' @> ${JSON.stringify([id])}::jsonb`,
    ),
  );
  const older = await db
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      departmentId: users.departmentId,
      department: departments.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(auditEvents.action, 'register.lookup'), isNotNull(auditEvents.details), mentions))
    .orderBy(asc(auditEvents.occurredAt));
  return {
    recorded,
    fromAudit: older.filter((o) => !known.has(o.seq)),
  };
}
