import { and, asc, desc, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../db/database.js';
import { auditEvents, auditTerms } from './audit.table.js';

export type AuditRow = typeof auditEvents.$inferSelect;
/** An event as its transaction inserts it: complete, hashed, not yet linked. */
export type AuditInsertRow = Omit<AuditRow, 'chainPos' | 'prevHash' | 'hash'> & {
  contentHash: string;
};

// The chain-head lock (advisory key 7301001, chosen once, never to change) is taken inside
// audit_link() and audit_trim() (migration 0031): no caller can pass another key.

/**
 * Inserts one event with the next number of the sequence and its content hash, computed by the
 * database from the canonical parts around the number (audit.canonical.ts). No lock: events of
 * concurrent transactions are inserted side by side and linked after their commits.
 */
export async function insertAuditEvent({
  tx,
  event,
  canonical,
}: {
  tx: Tx;
  event: Omit<AuditRow, 'seq' | 'contentHash' | 'chainPos' | 'prevHash' | 'hash'>;
  canonical: { beforeSeq: string; afterSeq: string };
}): Promise<{ seq: number; contentHash: string }> {
  const result = await tx.execute(sql`
    WITH n AS (SELECT nextval('audit_events_seq_seq') AS seq)
    INSERT INTO audit_events (seq, occurred_at, actor_id, action, subject_type, subject_id,
      purpose, details, content_hash)
    SELECT n.seq, ${event.occurredAt.toISOString()}::timestamptz, ${event.actorId}::uuid,
      ${event.action}, ${event.subjectType}, ${event.subjectId}, ${event.purpose},
      ${JSON.stringify(event.details)}::jsonb,
      encode(sha256(convert_to(${canonical.beforeSeq} || n.seq::text || ${canonical.afterSeq},
        'UTF8')), 'hex')
    FROM n
    RETURNING seq, content_hash`);
  const row = rowsOf<{ seq: string | number; content_hash: string }>(result)[0]!;
  return { seq: Number(row.seq), contentHash: row.content_hash };
}

/** Draws `count` numbers from the events' sequence, ascending (bulk inserts hash them first). */
export async function reserveAuditSeqs({ tx, count }: { tx: Tx; count: number }) {
  const result = await tx.execute(
    sql`SELECT nextval('audit_events_seq_seq') AS seq FROM generate_series(1, ${count}::int)`,
  );
  return rowsOf<{ seq: string | number }>(result)
    .map((r) => Number(r.seq))
    .sort((a, b) => a - b);
}

/**
 * Inserts events (content hashed already) with one parameter for all rows: a VALUES list of
 * thousands of rows costs more to build through the query builder than the insert itself.
 */
export async function insertAuditEvents({
  tx,
  rows,
}: {
  tx: Tx;
  rows: AuditInsertRow[];
}): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((r) => ({
    seq: r.seq,
    occurred_at: r.occurredAt.toISOString(),
    actor_id: r.actorId,
    action: r.action,
    subject_type: r.subjectType,
    subject_id: r.subjectId,
    purpose: r.purpose,
    details: r.details,
    content_hash: r.contentHash,
  }));
  await tx.execute(sql`
    INSERT INTO audit_events (seq, occurred_at, actor_id, action, subject_type, subject_id, purpose,
      details, content_hash)
    SELECT seq, occurred_at, actor_id, action, subject_type, subject_id, purpose, details,
      content_hash
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(seq bigint,
      occurred_at timestamptz, actor_id uuid, action text, subject_type text, subject_id text,
      purpose text, details jsonb, content_hash text)
    ORDER BY seq`);
}

/**
 * Links up to `limit` committed, unlinked events into the chain (`audit_link()`, migration
 * `audit_chain_after_commit`) in one statement and its own transaction. Returns how many, or
 * null when another chainer holds the chain head (it links them).
 */
export async function linkAuditEvents({
  db,
  limit,
  genesisHash,
}: {
  db: DbOrTx;
  limit: number;
  genesisHash: string;
}): Promise<{ linked: number | null }> {
  const result = await db.execute(
    sql`SELECT audit_link(${limit}::int, ${genesisHash}::text) AS linked`,
  );
  const linked = Number(rowsOf<{ linked: number | string }>(result)[0]!.linked);
  return { linked: linked < 0 ? null : linked };
}

/** Linked events after chain position `afterPos`, in chain order, at most `limit`. */
export async function listChainAfter({
  db,
  afterPos,
  limit,
}: {
  db: DbOrTx;
  afterPos: number;
  limit: number;
}) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(isNotNull(auditEvents.chainPos), gt(auditEvents.chainPos, afterPos)))
    .orderBy(asc(auditEvents.chainPos))
    .limit(limit);
  return { rows };
}

/** Committed events not linked yet, by number after `afterSeq`, at most `limit`. */
export async function listUnlinkedAfter({
  db,
  afterSeq,
  limit,
}: {
  db: DbOrTx;
  afterSeq: number;
  limit: number;
}) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(isNull(auditEvents.chainPos), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
  return { rows };
}

export async function insertAuditTerms({
  tx,
  rows,
}: {
  tx: Tx;
  rows: (typeof auditTerms.$inferInsert)[];
}): Promise<void> {
  if (rows.length > 0) await tx.insert(auditTerms).values(rows);
}

/**
 * The personal terms of the given events (e.g. the names of a look-up), by sequence number;
 * events whose terms retention has cleared are absent. Reading them is itself to be audited.
 */
export async function findAuditTerms({ db, seqs }: { db: DbOrTx; seqs: readonly number[] }) {
  if (seqs.length === 0) return new Map<number, Record<string, unknown>>();
  const rows = await db
    .select({ seq: auditTerms.seq, terms: auditTerms.terms })
    .from(auditTerms)
    .where(inArray(auditTerms.seq, [...seqs]));
  return new Map(rows.map((row) => [row.seq, row.terms]));
}

/** The linked events at the given chain positions (absent ones are missing from the map). */
export async function findChainRows({
  db,
  positions,
}: {
  db: DbOrTx;
  positions: readonly number[];
}): Promise<Map<number, { seq: number; hash: string | null }>> {
  if (positions.length === 0) return new Map();
  const rows = await db
    .select({ seq: auditEvents.seq, chainPos: auditEvents.chainPos, hash: auditEvents.hash })
    .from(auditEvents)
    .where(inArray(auditEvents.chainPos, [...positions]));
  return new Map(rows.map((row) => [row.chainPos!, { seq: row.seq, hash: row.hash }]));
}

/** The last linked event: the chain head (null: nothing linked yet). */
export async function readChainHead({ db }: { db: DbOrTx }) {
  const [row] = await db
    .select({ seq: auditEvents.seq, position: auditEvents.chainPos, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainPos))
    .orderBy(desc(auditEvents.chainPos))
    .limit(1);
  return row ? { seq: row.seq, position: row.position!, hash: row.hash! } : null;
}

/** The first linked event: where verification starts (null: nothing linked). */
export async function readChainStart({ db }: { db: DbOrTx }) {
  const [row] = await db
    .select({ position: auditEvents.chainPos, prevHash: auditEvents.prevHash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainPos))
    .orderBy(asc(auditEvents.chainPos))
    .limit(1);
  return row ? { position: row.position!, prevHash: row.prevHash! } : null;
}

/**
 * The last chain position whose event (and every one before it) occurred before `cutoff`,
 * short of the head: what audit retention may remove. Null when nothing is due.
 */
export async function findTrimmablePosition({ db, cutoff }: { db: DbOrTx; cutoff: Date }) {
  const result = await db.execute(sql`
    SELECT min(chain_pos) AS first,
      max(chain_pos) AS head,
      min(chain_pos) FILTER (WHERE occurred_at >= ${cutoff.toISOString()}::timestamptz) AS young
    FROM audit_events WHERE chain_pos IS NOT NULL`);
  const row = rowsOf<{ first: unknown; head: unknown; young: unknown }>(result)[0];
  if (!row || row.head === null) return null;
  const head = Number(row.head);
  const through = Math.min(row.young === null ? head : Number(row.young), head) - 1;
  return through >= Number(row.first) ? through : null;
}

/** Removes the linked events up to chain position `through` (SQL `audit_trim()`): how many. */
export async function trimAuditEvents({ tx, through }: { tx: Tx; through: number }) {
  const result = await tx.execute(sql`SELECT audit_trim(${through}::bigint) AS removed`);
  return Number(rowsOf<{ removed: number | string }>(result)[0]!.removed);
}
