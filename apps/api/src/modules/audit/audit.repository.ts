import { asc, desc, gt, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../db/database.js';
import { auditEvents, auditTerms } from './audit.table.js';

export type AuditRow = typeof auditEvents.$inferSelect;

// Chosen once; must never change: every writer of the chain head takes this lock.
const CHAIN_HEAD_LOCK_KEY = 7_301_001;

/** Serialises writers of the chain head until the caller's transaction ends. */
export async function lockChainHead({ tx }: { tx: Tx }): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_HEAD_LOCK_KEY})`);
}

/**
 * Appends one event under the chain-head lock in one statement (migration
 * `audit_append_function`); the database computes the hash from the canonical parts.
 */
export async function appendAuditEvent({
  tx,
  event,
  canonical,
  genesisHash,
}: {
  tx: Tx;
  event: Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>;
  canonical: { beforePrevHash: string; beforeSeq: string; afterSeq: string };
  genesisHash: string;
}): Promise<{ seq: number; hash: string }> {
  const result = await tx.execute(sql`SELECT appended_seq AS seq, appended_hash AS hash
    FROM audit_append(${CHAIN_HEAD_LOCK_KEY}, ${event.occurredAt.toISOString()}::timestamptz,
      ${event.actorId}::uuid, ${event.action}, ${event.subjectType}, ${event.subjectId},
      ${event.purpose}, ${JSON.stringify(event.details)}::jsonb, ${canonical.beforePrevHash},
      ${canonical.beforeSeq}, ${canonical.afterSeq}, ${genesisHash})`);
  const row = rowsOf<{ seq: string | number; hash: string }>(result)[0]!;
  return { seq: Number(row.seq), hash: row.hash };
}

export async function findChainHead({ db }: { db: DbOrTx }) {
  const [head] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return { head: head ?? null };
}

/**
 * Inserts events (hashed already) with one parameter for all rows: a VALUES list of thousands
 * of rows costs more to build through the query builder than the insert itself.
 */
export async function insertAuditEvents({ tx, rows }: { tx: Tx; rows: AuditRow[] }): Promise<void> {
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
    prev_hash: r.prevHash,
    hash: r.hash,
  }));
  await tx.execute(sql`
    INSERT INTO audit_events (seq, occurred_at, actor_id, action, subject_type, subject_id, purpose,
      details, prev_hash, hash)
    SELECT seq, occurred_at, actor_id, action, subject_type, subject_id, purpose, details,
      prev_hash, hash
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(seq bigint,
      occurred_at timestamptz, actor_id uuid, action text, subject_type text, subject_id text,
      purpose text, details jsonb, prev_hash text, hash text)
    ORDER BY seq`);
}

/** Events after `afterSeq` in chain order, at most `limit`. */
export async function listAuditEventsAfter({
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
    .where(gt(auditEvents.seq, afterSeq))
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
