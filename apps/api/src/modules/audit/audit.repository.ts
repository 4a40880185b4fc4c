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

export async function insertAuditEvents({ tx, rows }: { tx: Tx; rows: AuditRow[] }): Promise<void> {
  await tx.insert(auditEvents).values(rows);
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
