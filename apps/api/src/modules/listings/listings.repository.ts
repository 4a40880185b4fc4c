import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.js';
import { users } from '../identity/identity.table.js';
import { incidents } from '../incidents/incidents.table.js';
import { persons } from '../persons/persons.table.js';
import { listingHistory, listingIncidents, listings } from './listings.table.js';

export type ListingRow = typeof listings.$inferSelect;

const proposer = alias(users, 'proposer');
const activator = alias(users, 'activator');
const extender = alias(users, 'extender');

const listingColumns = {
  listing: listings,
  person: {
    id: persons.id,
    familyName: persons.familyName,
    givenNames: persons.givenNames,
    dateOfBirth: persons.dateOfBirth,
  },
  proposerName: proposer.displayName,
  activatorName: activator.displayName,
  extenderName: extender.displayName,
};
export type ListingJoined = {
  listing: ListingRow;
  person: { id: string; familyName: string; givenNames: string | null; dateOfBirth: string | null };
  proposerName: string;
  activatorName: string | null;
  /** Who proposed the pending extension. */
  extenderName: string | null;
};

function joined(db: DbOrTx) {
  return db
    .select(listingColumns)
    .from(listings)
    .innerJoin(persons, eq(persons.id, listings.personId))
    .innerJoin(proposer, eq(proposer.id, listings.proposedBy))
    .leftJoin(activator, eq(activator.id, listings.activatedBy))
    .leftJoin(extender, eq(extender.id, listings.extensionProposedBy));
}

export async function insertListing({
  db,
  listing,
  incidentIds,
}: {
  db: DbOrTx;
  listing: typeof listings.$inferInsert;
  incidentIds: string[];
}) {
  const [row] = await db.insert(listings).values(listing).returning();
  if (!row) throw new Error('insert into listings returned no row');
  await db
    .insert(listingIncidents)
    .values(incidentIds.map((incidentId) => ({ listingId: row.id, incidentId })));
  return { listing: row };
}

export async function updateListing({
  db,
  id,
  changes,
}: {
  db: DbOrTx;
  id: string;
  changes: Partial<typeof listings.$inferInsert>;
}) {
  await db.update(listings).set(changes).where(eq(listings.id, id));
}

export async function insertHistory({
  db,
  entry,
}: {
  db: DbOrTx;
  entry: typeof listingHistory.$inferInsert;
}) {
  await db.insert(listingHistory).values(entry);
}

export async function findListingForUpdate({ db, id }: { db: DbOrTx; id: string }) {
  const [row] = await db.select().from(listings).where(eq(listings.id, id)).for('update');
  return { listing: row ?? null };
}

/** Who reported each incident a listing rests on (the own-report rule). */
export async function listGroundReporters({ db, listingId }: { db: DbOrTx; listingId: string }) {
  const rows = await db
    .select({ reporterId: incidents.reporterId })
    .from(listingIncidents)
    .innerJoin(incidents, eq(incidents.id, listingIncidents.incidentId))
    .where(eq(listingIncidents.listingId, listingId));
  return { reports: rows };
}

/** A listing with its person, incidents and history, for the registrar's view. */
export async function findListing({ db, id }: { db: DbOrTx; id: string }) {
  const [row] = await joined(db).where(eq(listings.id, id));
  if (!row) return { found: null };
  const grounds = await db
    .select({
      id: incidents.id,
      reference: incidents.reference,
      occurredAt: incidents.occurredAt,
      level: incidents.level,
      categories: incidents.categories,
    })
    .from(listingIncidents)
    .innerJoin(incidents, eq(incidents.id, listingIncidents.incidentId))
    .where(eq(listingIncidents.listingId, id))
    .orderBy(asc(incidents.occurredAt));
  const history = await db
    .select({ entry: listingHistory, actorName: users.displayName })
    .from(listingHistory)
    .leftJoin(users, eq(users.id, listingHistory.actorId))
    .where(eq(listingHistory.listingId, id))
    .orderBy(asc(listingHistory.at));
  return { found: { ...(row as ListingJoined), grounds, history } };
}

export async function listListings({ db, statuses }: { db: DbOrTx; statuses: string[] }) {
  const rows = await joined(db)
    .where(inArray(listings.status, statuses))
    .orderBy(desc(listings.proposedAt))
    .limit(500);
  return { rows: rows as ListingJoined[] };
}

export async function listListingsOfPerson({ db, personId }: { db: DbOrTx; personId: string }) {
  const rows = await db.select().from(listings).where(eq(listings.personId, personId));
  return { listings: rows };
}

/** Moves a merged person's listings to the record that stays. */
export async function moveListings({
  db,
  fromPersonId,
  toPersonId,
}: {
  db: DbOrTx;
  fromPersonId: string;
  toPersonId: string;
}) {
  await db
    .update(listings)
    .set({ personId: toPersonId })
    .where(eq(listings.personId, fromPersonId));
}

export async function hasOpenListing({ db, personId }: { db: DbOrTx; personId: string }) {
  const [row] = await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.personId, personId), sql`${listings.status} in ('proposed', 'active')`));
  return row !== undefined;
}

/** Active listings whose valid-until date is on or before `until`, the earliest first. */
export async function listDueListings({ db, until }: { db: DbOrTx; until: string }) {
  const rows = await joined(db)
    .where(and(eq(listings.status, 'active'), lte(listings.validUntil, until)))
    .orderBy(asc(listings.validUntil), asc(listings.proposedAt))
    .limit(500);
  return { rows: rows as ListingJoined[] };
}

/** Active listings whose held-back letter was to be reviewed on or before `today`. */
export async function listHeldBackLettersDue({ db, today }: { db: DbOrTx; today: string }) {
  const rows = await joined(db)
    .where(
      and(
        eq(listings.status, 'active'),
        eq(listings.notificationState, 'held_back'),
        lte(listings.notificationReviewOn, today),
      ),
    )
    .orderBy(asc(listings.notificationReviewOn), asc(listings.proposedAt))
    .limit(500);
  return { rows: rows as ListingJoined[] };
}

/**
 * Restricted listings whose decide-by date lies before `today`: the dispute was not decided in
 * time. Any status a restriction can outlive (it is lifted from active, expired or ended ones).
 */
export async function listOverdueRestrictions({ db, today }: { db: DbOrTx; today: string }) {
  const rows = await joined(db)
    .where(
      and(
        eq(listings.restricted, true),
        inArray(listings.status, ['active', 'expired', 'ended']),
        lt(listings.restrictedUntil, today),
      ),
    )
    .orderBy(asc(listings.restrictedUntil), asc(listings.proposedAt))
    .limit(500);
  return { rows: rows as ListingJoined[] };
}
