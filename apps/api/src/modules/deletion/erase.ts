import { and, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { corrections } from '../corrections/corrections.table.js';
import { incidentMessages, incidentPersons, incidents } from '../incidents/incidents.table.js';
import { listingIncidents, listings } from '../listings/listings.table.js';
import { persons } from '../persons/persons.table.js';
import { insertLedgerEntries, type LedgerEntryInput } from './ledger.repository.js';

/**
 * The deletion primitives: erasure of a person (Art. 17 GDPR, retention), of a listing, of a
 * whole report. Each runs in the caller's transaction, records one audit event per deleted item
 * (`deletion.<kind>`, details `{ rule }`, never content) and one ledger entry per item (the
 * outbox of the deletion ledger, see deletion.service.ts). Deleting what is already gone
 * changes nothing and counts 0.
 */

/** What the primitives delete: a person (with merged records), a listing, a whole report, or
 * the personal parts of a report (narrative, place, position, messages). */
export type DeletionKind = 'person' | 'listing' | 'incident' | 'incident_personal_data';

export type DeletionCounts = Record<DeletionKind, number>;

export interface DeletionContext {
  tx: Tx;
  audit: AuditService;
  /** The user who decided it, or null for the system (retention job, ledger re-apply). */
  actorId: string | null;
  /** The retention rule (`retention.<rule>`) or request (`request.erasure`) behind it. */
  rule: string;
  at: Date;
  /** False when re-applying the ledger: the items are in the ledger already. */
  recordLedger?: boolean;
}

const CHUNK = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function emptyCounts(): DeletionCounts {
  return { person: 0, listing: 0, incident: 0, incident_personal_data: 0 };
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Only well-formed ids reach a query (a ledger line could hold anything). */
function validIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
}

async function recordDeleted(ctx: DeletionContext, kind: DeletionKind, ids: string[]) {
  if (ids.length === 0) return;
  await ctx.audit.recordMany({
    tx: ctx.tx,
    events: ids.map((id) => ({
      actor: ctx.actorId,
      action: `deletion.${kind}`,
      subject: { type: kind, id },
      details: { rule: ctx.rule },
    })),
  });
  if (ctx.recordLedger === false) return;
  const entries: LedgerEntryInput[] = ids.map((id) => ({
    kind,
    subjectId: id,
    rule: ctx.rule,
    at: ctx.at,
  }));
  await insertLedgerEntries({ tx: ctx.tx, entries });
}

/** Listings (with their history and incident links, by cascade). Returns the ids deleted. */
async function deleteListingRows(tx: Tx, ids: string[]): Promise<string[]> {
  const deleted: string[] = [];
  for (const part of chunks(ids)) {
    const rows = await tx
      .delete(listings)
      .where(inArray(listings.id, part))
      .returning({ id: listings.id });
    deleted.push(...rows.map((r) => r.id));
  }
  return deleted;
}

/**
 * Removes narrative, place, position, messages and corrections (which hold earlier versions of
 * them) of reports; category, level, dates, department and reporter stay (the employer's record).
 * Returns the ids of reports that held any of it.
 */
async function redactIncidents(tx: Tx, ids: string[], at: Date): Promise<string[]> {
  const changed = new Set<string>();
  for (const part of chunks(ids)) {
    const messages = await tx
      .delete(incidentMessages)
      .where(inArray(incidentMessages.incidentId, part))
      .returning({ id: incidentMessages.incidentId });
    const fixes = await tx
      .delete(corrections)
      .where(inArray(corrections.incidentId, part))
      .returning({ id: corrections.incidentId });
    for (const row of [...messages, ...fixes]) if (row.id) changed.add(row.id);
    const withContent = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(
        and(
          inArray(incidents.id, part),
          or(
            ne(incidents.description, ''),
            isNotNull(incidents.placeAddress),
            isNotNull(incidents.placeDescription),
            isNotNull(incidents.latitude),
            isNotNull(incidents.longitude),
            isNotNull(incidents.accuracyMeters),
          ),
        ),
      );
    for (const row of withContent) changed.add(row.id);
    const touched = part.filter((id) => changed.has(id));
    if (touched.length === 0) continue;
    await tx
      .update(incidents)
      .set({
        description: '',
        placeAddress: null,
        placeDescription: null,
        latitude: null,
        longitude: null,
        accuracyMeters: null,
        updatedAt: at,
        version: sql`${incidents.version} + 1`,
      })
      .where(inArray(incidents.id, touched));
  }
  return [...changed];
}

/** The persons given and every record merged into them (at any depth). */
async function withMergedRecords(tx: Tx, ids: string[]): Promise<string[]> {
  const all = new Set(ids);
  let frontier = ids;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const part of chunks(frontier)) {
      const rows = await tx
        .select({ id: persons.id })
        .from(persons)
        .where(inArray(persons.mergedIntoId, part));
      for (const row of rows) if (!all.has(row.id)) next.push(row.id);
    }
    for (const id of next) all.add(id);
    frontier = next;
  }
  return [...all];
}

/**
 * Erases persons (batch form of `erasePerson`, used when re-applying the ledger): their merged
 * records, listings, their rows in reports and — where a report then names nobody — the
 * report's personal parts. Names, addresses, search keys, corrections and disclosures go by
 * cascade; subject requests keep their row without the person.
 */
export async function erasePersons(
  ctx: DeletionContext & { personIds: readonly string[] },
): Promise<{ counts: DeletionCounts }> {
  const { tx, at } = ctx;
  const counts = emptyCounts();
  const requested = validIds(ctx.personIds);
  if (requested.length === 0) return { counts };
  const ids = await withMergedRecords(tx, requested);

  const listingIds: string[] = [];
  const touchedIncidents = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await tx
      .select({ id: listings.id })
      .from(listings)
      .where(inArray(listings.personId, part));
    listingIds.push(...rows.map((r) => r.id));
    const links = await tx
      .delete(incidentPersons)
      .where(inArray(incidentPersons.personId, part))
      .returning({ incidentId: incidentPersons.incidentId });
    for (const link of links) touchedIncidents.add(link.incidentId);
  }
  const deletedListings = await deleteListingRows(tx, listingIds);

  const stillNamed = new Set<string>();
  for (const part of chunks([...touchedIncidents])) {
    const rows = await tx
      .selectDistinct({ id: incidentPersons.incidentId })
      .from(incidentPersons)
      .where(inArray(incidentPersons.incidentId, part));
    for (const row of rows) stillNamed.add(row.id);
  }
  const redacted = await redactIncidents(
    tx,
    [...touchedIncidents].filter((id) => !stillNamed.has(id)),
    at,
  );

  const deletedPersons: string[] = [];
  for (const part of chunks(ids)) {
    // One statement for a record and those merged into it: the self-reference is checked at
    // its end.
    const rows = await tx
      .delete(persons)
      .where(inArray(persons.id, part))
      .returning({ id: persons.id });
    deletedPersons.push(...rows.map((r) => r.id));
  }

  counts.person = deletedPersons.length;
  counts.listing = deletedListings.length;
  counts.incident_personal_data = redacted.length;
  await recordDeleted(ctx, 'listing', deletedListings);
  await recordDeleted(ctx, 'incident_personal_data', redacted);
  await recordDeleted(ctx, 'person', deletedPersons);
  return { counts };
}

/**
 * Erases one person (Art. 17 GDPR or retention) in the caller's transaction: the person and
 * the records merged into it, their listings, their rows in reports and the personal parts of
 * reports that name nobody else. Counts per kind; 0 when the person is already gone.
 */
export async function erasePerson(
  ctx: DeletionContext & { personId: string },
): Promise<{ counts: DeletionCounts }> {
  return erasePersons({ ...ctx, personIds: [ctx.personId] });
}

/** Deletes listings with their history and incident links (batch form of `deleteListing`). */
export async function deleteListings(
  ctx: DeletionContext & { listingIds: readonly string[] },
): Promise<{ counts: DeletionCounts }> {
  const counts = emptyCounts();
  const deleted = await deleteListingRows(ctx.tx, validIds(ctx.listingIds));
  counts.listing = deleted.length;
  await recordDeleted(ctx, 'listing', deleted);
  return { counts };
}

/** Deletes one listing with its history and incident links; 0 when it is gone already. */
export async function deleteListing(
  ctx: DeletionContext & { listingId: string },
): Promise<{ counts: DeletionCounts }> {
  return deleteListings({ ...ctx, listingIds: [ctx.listingId] });
}

/** The reports among `ids` that ground a listing (they cannot be deleted as a whole). */
export async function incidentsGroundingListings(tx: Tx, ids: readonly string[]) {
  const grounding = new Set<string>();
  for (const part of chunks(validIds(ids))) {
    const rows = await tx
      .selectDistinct({ id: listingIncidents.incidentId })
      .from(listingIncidents)
      .where(inArray(listingIncidents.incidentId, part));
    for (const row of rows) grounding.add(row.id);
  }
  return grounding;
}

/**
 * Deletes whole reports (batch form of `deleteIncident`) with their persons, messages and
 * corrections. `skipGrounding`: reports that ground a listing are left (and not counted)
 * instead of refusing the whole batch.
 */
export async function deleteIncidents(
  ctx: DeletionContext & { incidentIds: readonly string[]; skipGrounding?: boolean },
): Promise<{ counts: DeletionCounts; skipped: string[] }> {
  const counts = emptyCounts();
  const ids = validIds(ctx.incidentIds);
  const grounding = await incidentsGroundingListings(ctx.tx, ids);
  if (grounding.size > 0 && !ctx.skipGrounding) {
    throw new AppError(409, 'deletion.incident_grounds_listing');
  }
  const deleted: string[] = [];
  for (const part of chunks(ids.filter((id) => !grounding.has(id)))) {
    const rows = await ctx.tx
      .delete(incidents)
      .where(inArray(incidents.id, part))
      .returning({ id: incidents.id });
    deleted.push(...rows.map((r) => r.id));
  }
  counts.incident = deleted.length;
  await recordDeleted(ctx, 'incident', deleted);
  return { counts, skipped: [...grounding] };
}

/**
 * Deletes one whole report (retention of rejected reports) with its persons, messages and
 * corrections; refused with 409 `deletion.incident_grounds_listing` while a listing rests on it.
 */
export async function deleteIncident(
  ctx: DeletionContext & { incidentId: string },
): Promise<{ counts: DeletionCounts }> {
  const { counts } = await deleteIncidents({ ...ctx, incidentIds: [ctx.incidentId] });
  return { counts };
}

/** Removes the personal parts of reports (re-applying `incident_personal_data` lines). */
export async function redactIncidentPersonalData(
  ctx: DeletionContext & { incidentIds: readonly string[] },
): Promise<{ counts: DeletionCounts }> {
  const counts = emptyCounts();
  const ids = validIds(ctx.incidentIds);
  // Only reports that name nobody: a restored report may name persons again only through a
  // person whose erasure is re-applied first.
  const named = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await ctx.tx
      .selectDistinct({ id: incidentPersons.incidentId })
      .from(incidentPersons)
      .where(inArray(incidentPersons.incidentId, part));
    for (const row of rows) named.add(row.id);
  }
  const redacted = await redactIncidents(
    ctx.tx,
    ids.filter((id) => !named.has(id)),
    ctx.at,
  );
  counts.incident_personal_data = redacted.length;
  await recordDeleted(ctx, 'incident_personal_data', redacted);
  return { counts };
}
