import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../db/database.js';
import type { RetentionCutoffs } from './retention.rules.js';

/**
 * The retention job's SQL: which items are due per rule (ids in batches, or counts for a dry
 * run), the expiry of listings, the look-up terms, the job's lock and its record in `job_runs`.
 */

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

const CLOSED = sql`('expired', 'ended', 'declined')`;

/** A listing closed before the rule's cutoff. */
function closedListingDue(alias: string, c: RetentionCutoffs): SQL {
  const l = sql.raw(alias);
  return sql`${l}.status IN ${CLOSED} AND ${l}.closed_at IS NOT NULL AND ${l}.closed_at < ${at(c.closed_listings)}`;
}

/**
 * Nothing else keeps person `p`: no listing that is not itself due, no open data-subject
 * request, no report naming them that is still within its period.
 */
function nothingLeft(c: RetentionCutoffs): SQL {
  return sql`p.merged_into_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM listings o WHERE o.person_id = p.id AND NOT (${closedListingDue('o', c)}))
    AND NOT EXISTS (SELECT 1 FROM subject_requests r WHERE r.person_id = p.id AND r.status = 'open')
    AND NOT EXISTS (
      SELECT 1 FROM incident_persons ip JOIN incidents i ON i.id = ip.incident_id
      WHERE ip.person_id = p.id
        AND ((i.status = 'confirmed' AND i.occurred_at >= ${at(c.unlisted_incidents)})
          OR (i.status <> 'confirmed' AND i.updated_at >= ${at(c.rejected_reports)})))`;
}

const notGrounding = sql`NOT EXISTS (SELECT 1 FROM listing_incidents li WHERE li.incident_id = i.id)`;

/** FROM … WHERE … of each rule: its items are rows of `table`, named `alias` in `where`. */
function dueSource(rule: DueRule, c: RetentionCutoffs) {
  const s = dueRows(rule, c);
  return {
    ...s,
    from: sql.raw(`${s.table} ${s.alias}`),
    id: sql.raw(`${s.alias}.id`),
  };
}

function dueRows(rule: DueRule, c: RetentionCutoffs): { table: string; alias: string; where: SQL } {
  switch (rule) {
    case 'closed_listings':
      return { table: 'listings', alias: 'l', where: closedListingDue('l', c) };
    case 'rejected_reports':
      return {
        table: 'incidents',
        alias: 'i',
        where: sql`i.status <> 'confirmed' AND i.updated_at < ${at(c.rejected_reports)} AND ${notGrounding}`,
      };
    case 'unlisted_incidents':
      return {
        table: 'incidents',
        alias: 'i',
        where: sql`i.status = 'confirmed' AND i.occurred_at < ${at(c.unlisted_incidents)} AND ${notGrounding}`,
      };
    case 'erased_person_incidents':
      // What the erasure of a person left of a report (the ledger's outbox says when).
      return {
        table: 'incidents',
        alias: 'i',
        where: sql`EXISTS (SELECT 1 FROM ledger_entries le WHERE le.kind = 'incident_personal_data'
              AND le.subject_id = i.id::text AND le.at < ${at(c.erased_person_incidents)})
            AND NOT EXISTS (SELECT 1 FROM incident_persons ip WHERE ip.incident_id = i.id)
            AND ${notGrounding}`,
      };
    case 'persons':
      return {
        table: 'persons',
        alias: 'p',
        where: sql`p.updated_at < ${at(c.persons)}
            AND NOT EXISTS (SELECT 1 FROM listings l WHERE l.person_id = p.id)
            AND ${nothingLeft(c)}`,
      };
  }
}

export type DueRule =
  | 'closed_listings'
  | 'rejected_reports'
  | 'unlisted_incidents'
  | 'erased_person_incidents'
  | 'persons';

/**
 * `WITH picked AS MATERIALIZED (…)`: the rows of `table` with these ids, read by primary key
 * before any rule is checked (joined directly, the planner may misjudge a rule's selectivity
 * and scan all items due instead). The ids are well-formed: they came from the database.
 */
const picked = (table: string, ids: readonly string[]) =>
  sql`WITH picked AS MATERIALIZED (
    SELECT * FROM ${sql.raw(table)} WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]))`;

/**
 * The next `limit` ids due under `rule` after `after`, in id order: one set-based pass over
 * the table per page, outside the deleting transactions (each re-checks its ids, `findDueIds`).
 */
export async function scanDueIds({
  db,
  rule,
  cutoffs,
  limit,
  after,
}: {
  db: DbOrTx;
  rule: DueRule;
  cutoffs: RetentionCutoffs;
  limit: number;
  /** The last id of the page before. */
  after: string | null;
}): Promise<string[]> {
  const s = dueSource(rule, cutoffs);
  const from = after === null ? sql`` : sql`AND ${s.id} > ${after}::uuid`;
  const result = await db.execute(
    sql`SELECT ${s.id} AS id FROM ${s.from} WHERE ${s.where} ${from} ORDER BY ${s.id} LIMIT ${limit}`,
  );
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Those of `ids` still due under `rule` now (in the deleting transaction). */
export async function findDueIds({
  db,
  rule,
  cutoffs,
  ids,
}: {
  db: DbOrTx;
  rule: Exclude<DueRule, 'closed_listings'>;
  cutoffs: RetentionCutoffs;
  ids: readonly string[];
}): Promise<string[]> {
  if (ids.length === 0) return [];
  const s = dueSource(rule, cutoffs);
  const result = await db.execute(
    sql`${picked(s.table, ids)}
      SELECT ${s.id} AS id FROM picked ${sql.raw(s.alias)} WHERE ${s.where} ORDER BY ${s.id}`,
  );
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Those of the listings `ids` still closed past their period, each with whether its person
 * goes too (nothing else keeps them).
 */
export async function findDueListings({
  db,
  cutoffs,
  ids,
}: {
  db: DbOrTx;
  cutoffs: RetentionCutoffs;
  ids: readonly string[];
}): Promise<{ id: string; personId: string; erasePerson: boolean }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(sql`${picked('listings', ids)}
    SELECT l.id, l.person_id AS "personId", (${nothingLeft(cutoffs)}) AS "erasePerson"
    FROM picked l JOIN persons p ON p.id = l.person_id
    WHERE ${closedListingDue('l', cutoffs)}
    ORDER BY l.id`);
  return rowsOf<{ id: string; personId: string; erasePerson: boolean }>(result);
}

/** How many items are due per rule, and the persons that go with due listings (dry run). */
export async function countDue({ db, cutoffs }: { db: DbOrTx; cutoffs: RetentionCutoffs }) {
  const count = async (query: SQL) => rowsOf<{ n: number }>(await db.execute(query))[0]?.n ?? 0;
  const listings = await count(sql`
    SELECT count(*)::int AS n FROM listings l WHERE ${closedListingDue('l', cutoffs)}`);
  const listingPersons = await count(sql`
    SELECT count(DISTINCT p.id)::int AS n FROM listings l JOIN persons p ON p.id = l.person_id
    WHERE ${closedListingDue('l', cutoffs)} AND ${nothingLeft(cutoffs)}`);
  const other: Record<string, number> = {};
  for (const rule of [
    'rejected_reports',
    'unlisted_incidents',
    'erased_person_incidents',
    'persons',
  ] as const) {
    const s = dueSource(rule, cutoffs);
    other[rule] = await count(sql`SELECT count(*)::int AS n FROM ${s.from} WHERE ${s.where}`);
  }
  const auditTerms = await count(sql`
    SELECT count(*)::int AS n FROM audit_terms WHERE occurred_at < ${at(cutoffs.audit_terms)}`);
  return {
    listing: listings,
    person: listingPersons + (other.persons ?? 0),
    incident:
      (other.rejected_reports ?? 0) +
      (other.unlisted_incidents ?? 0) +
      (other.erased_person_incidents ?? 0),
    audit_terms: auditTerms,
  };
}

/** Active listings whose valid-until is before `today` (city date). */
export async function countListingsToExpire({ db, today }: { db: DbOrTx; today: string }) {
  const result = await db.execute(sql`
    SELECT count(*)::int AS n FROM listings WHERE status = 'active' AND valid_until < ${today}::date`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/**
 * Sets up to `limit` due listings to `expired`, closing a pending extension proposal with them
 * (history `extension_withdrawn` by the system with `reason`); returns them with their
 * valid-until and the proposed date, if any.
 */
export async function expireListings({
  tx,
  today,
  now,
  limit,
  reason,
}: {
  tx: Tx;
  today: string;
  now: Date;
  limit: number;
  /** Why a pending extension was closed. */
  reason: string;
}): Promise<{ id: string; validUntil: string; extensionValidUntil: string | null }[]> {
  const result = await tx.execute(sql`
    WITH due AS (
      SELECT id, extension_valid_until FROM listings
      WHERE status = 'active' AND valid_until < ${today}::date
      ORDER BY valid_until, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    UPDATE listings l SET status = 'expired', closed_at = ${at(now)}, updated_at = ${at(now)},
      extension_valid_until = NULL, extension_reason = NULL, extension_proposed_by = NULL,
      extension_proposed_at = NULL
    FROM due WHERE l.id = due.id
    RETURNING l.id, to_char(l.valid_until, 'YYYY-MM-DD') AS "validUntil",
      to_char(due.extension_valid_until, 'YYYY-MM-DD') AS "extensionValidUntil"`);
  const rows = rowsOf<{ id: string; validUntil: string; extensionValidUntil: string | null }>(
    result,
  );
  if (rows.length > 0) {
    await tx.execute(sql`
      INSERT INTO listing_history (listing_id, action, actor_id, reason, changes, at)
      SELECT x.id, 'expire', NULL, NULL, jsonb_build_object('status', 'expired', 'validUntil', x.valid_until), ${at(now)}
      FROM jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, valid_until: r.validUntil })))}::jsonb)
        AS x(id uuid, valid_until text)`);
  }
  const withdrawn = rows.filter((r) => r.extensionValidUntil !== null);
  if (withdrawn.length > 0) {
    await tx.execute(sql`
      INSERT INTO listing_history (listing_id, action, actor_id, reason, changes, at)
      SELECT x.id, 'extension_withdrawn', NULL, ${reason}, jsonb_build_object('validUntil', x.valid_until), ${at(now)}
      FROM jsonb_to_recordset(${JSON.stringify(withdrawn.map((r) => ({ id: r.id, valid_until: r.extensionValidUntil })))}::jsonb)
        AS x(id uuid, valid_until text)`);
  }
  return rows;
}

/** Deletes up to `limit` look-up terms recorded before `before`; count and seq range. */
export async function deleteAuditTerms({
  tx,
  before,
  limit,
}: {
  tx: Tx;
  before: Date;
  limit: number;
}): Promise<{ count: number; firstSeq: number | null; lastSeq: number | null }> {
  const result = await tx.execute(sql`
    WITH gone AS (
      DELETE FROM audit_terms WHERE seq IN (
        SELECT seq FROM audit_terms WHERE occurred_at < ${at(before)} ORDER BY seq LIMIT ${limit})
      RETURNING seq)
    SELECT count(*)::int AS count, min(seq)::float8 AS "firstSeq", max(seq)::float8 AS "lastSeq" FROM gone`);
  const row = rowsOf<{ count: number; firstSeq: number | null; lastSeq: number | null }>(result)[0];
  return row ?? { count: 0, firstSeq: null, lastSeq: null };
}

/** The job's record: started (finished and result cleared) … */
export async function recordJobStart({
  db,
  name,
  at: now,
}: {
  db: DbOrTx;
  name: string;
  at: Date;
}) {
  await db.execute(sql`
    INSERT INTO job_runs (name, started_at, finished_at, result) VALUES (${name}, ${at(now)}, NULL, NULL)
    ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL, result = NULL`);
}

/** … and finished with its result. */
export async function recordJobEnd({
  db,
  name,
  at: now,
  result,
}: {
  db: DbOrTx;
  name: string;
  at: Date;
  result: Record<string, unknown>;
}) {
  await db.execute(sql`
    UPDATE job_runs SET finished_at = ${at(now)}, result = ${JSON.stringify(result)}::jsonb
    WHERE name = ${name}`);
}
