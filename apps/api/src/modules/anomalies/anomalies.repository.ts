import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import type { FindingDraft, LookupFact } from './anomalies.rules.js';
import { anomalyFindings, anomalyScan } from './anomalies.table.js';

/** A linked event past the scan's position: only what the scan needs to group look-ups. */
export interface ScannedEvent {
  position: number;
  actorId: string | null;
  action: string;
  occurredAt: Date;
}

/** The scan's position in the chain (0 before the first scan). */
export async function scanPosition(db: DbOrTx): Promise<number> {
  await db.insert(anomalyScan).values({ id: 1, lastPosition: 0 }).onConflictDoNothing();
  const [row] = await db
    .select({ lastPosition: anomalyScan.lastPosition })
    .from(anomalyScan)
    .where(eq(anomalyScan.id, 1))
    .for('update');
  return row?.lastPosition ?? 0;
}

export async function setScanPosition(db: DbOrTx, position: number, at: Date): Promise<void> {
  await db
    .update(anomalyScan)
    .set({ lastPosition: position, scannedAt: at })
    .where(eq(anomalyScan.id, 1));
}

/** Up to `limit` linked events after `position`, in chain order (the unique chain_pos index). */
export async function eventsAfter(
  db: DbOrTx,
  position: number,
  limit: number,
): Promise<ScannedEvent[]> {
  const result = await db.execute(sql`
    SELECT chain_pos, actor_id, action, occurred_at FROM audit_events
    WHERE chain_pos > ${position} ORDER BY chain_pos LIMIT ${limit}`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    position: Number(row.chain_pos),
    actorId: (row.actor_id as string | null) ?? null,
    action: row.action as string,
    occurredAt: new Date(row.occurred_at as string | Date),
  }));
}

/**
 * One user's look-ups between two instants, with the family names typed (while retention has
 * not cleared them) and those of the persons shown.
 */
export async function lookupsOf(
  db: DbOrTx,
  actorId: string,
  from: Date,
  to: Date,
): Promise<LookupFact[]> {
  const result = await db.execute(sql`
    SELECT e.seq, e.occurred_at, e.details->>'fileNumber' AS file_number,
      COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(e.details->'personIds') = 'array'
        THEN e.details->'personIds' END), 0) AS shown,
      COALESCE((e.details->>'visitList')::boolean, false) AS visit_list,
      t.terms->'query'->>'familyName' AS typed_name,
      (SELECT COALESCE(array_agg(p.family_name), '{}') FROM persons p
        WHERE jsonb_typeof(e.details->'personIds') = 'array'
          AND p.id IN (SELECT jsonb_array_elements_text(e.details->'personIds')::uuid)
      ) AS shown_names
    FROM audit_events e
    LEFT JOIN audit_terms t ON t.seq = e.seq
    WHERE e.actor_id = ${actorId}::uuid AND e.action = 'register.lookup'
      AND e.occurred_at >= ${from.toISOString()}::timestamptz
      AND e.occurred_at < ${to.toISOString()}::timestamptz
    ORDER BY e.occurred_at, e.seq`);
  return rowsOf<Record<string, unknown>>(result).map((row) => {
    const shownNames = Array.isArray(row.shown_names) ? (row.shown_names as unknown[]) : [];
    const names = [row.typed_name, ...shownNames].filter(
      (n): n is string => typeof n === 'string' && n !== '',
    );
    return {
      seq: Number(row.seq),
      occurredAt: new Date(row.occurred_at as string | Date),
      fileNumber: (row.file_number as string | null) ?? null,
      shown: Number(row.shown),
      visitList: row.visit_list === true,
      familyNames: names,
    };
  });
}

export async function displayNameOf(db: DbOrTx, userId: string): Promise<string | null> {
  const result = await db.execute(sql`SELECT display_name FROM users WHERE id = ${userId}::uuid`);
  return (rowsOf<{ display_name: string }>(result)[0]?.display_name as string | undefined) ?? null;
}

/**
 * Stores the drafts; a finding already there (same rule, user and key) gets the new evidence
 * while it is open and stays as reviewed once reviewed. Returns the ids of new findings.
 */
export async function upsertFindings(
  db: DbOrTx,
  actorId: string,
  drafts: FindingDraft[],
  detectedAt: Date,
): Promise<string[]> {
  if (drafts.length === 0) return [];
  const rows = await db
    .insert(anomalyFindings)
    .values(
      drafts.map((d) => ({
        rule: d.rule,
        actorId,
        key: d.key,
        windowStart: d.windowStart,
        windowEnd: d.windowEnd,
        eventSeqs: d.seqs,
        facts: d.facts,
        detectedAt,
      })),
    )
    .onConflictDoUpdate({
      target: [anomalyFindings.rule, anomalyFindings.actorId, anomalyFindings.key],
      set: {
        windowStart: sql`excluded.window_start`,
        windowEnd: sql`excluded.window_end`,
        eventSeqs: sql`excluded.event_seqs`,
        facts: sql`excluded.facts`,
      },
      setWhere: sql`${anomalyFindings.status} = 'open'`,
    })
    // xmax = 0: the row was inserted by this statement, not updated
    .returning({ id: anomalyFindings.id, inserted: sql<boolean>`(xmax = 0)` });
  return rows.filter((r) => r.inserted === true).map((r) => r.id);
}

export interface FindingRow {
  id: string;
  rule: string;
  actorId: string;
  username: string | null;
  displayName: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  windowStart: Date;
  windowEnd: Date;
  eventSeqs: number[];
  facts: Record<string, string | number>;
  detectedAt: Date;
  status: 'open' | 'reviewed';
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

/** Findings newest first (keyset on detected_at, id). */
export async function listFindings(
  db: DbOrTx,
  {
    status,
    before,
    limit,
    id,
  }: {
    status: 'open' | 'reviewed' | null;
    before: { detectedAt: Date; id: string } | null;
    limit: number;
    /** Only this finding. */
    id?: string;
  },
): Promise<FindingRow[]> {
  const parts: SQL[] = [sql`true`];
  if (id) parts.push(sql`f.id = ${id}::uuid`);
  if (status) parts.push(sql`f.status = ${status}`);
  if (before) {
    parts.push(sql`(f.detected_at, f.id) < (${before.detectedAt.toISOString()}::timestamptz,
      ${before.id}::uuid)`);
  }
  const result = await db.execute(sql`
    SELECT f.*, u.username, u.display_name, d.code AS department_code, d.name AS department_name,
      r.display_name AS reviewed_by_name
    FROM anomaly_findings f
    LEFT JOIN users u ON u.id = f.actor_id
    LEFT JOIN departments d ON d.id = u.department_id
    LEFT JOIN users r ON r.id = f.reviewed_by
    WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY f.detected_at DESC, f.id DESC
    LIMIT ${limit}`);
  const date = (v: unknown) => new Date(v as string | Date);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    id: row.id as string,
    rule: row.rule as string,
    actorId: row.actor_id as string,
    username: (row.username as string | null) ?? null,
    displayName: (row.display_name as string | null) ?? null,
    departmentCode: (row.department_code as string | null) ?? null,
    departmentName: (row.department_name as string | null) ?? null,
    windowStart: date(row.window_start),
    windowEnd: date(row.window_end),
    eventSeqs: (Array.isArray(row.event_seqs)
      ? (row.event_seqs as unknown[])
      : String(row.event_seqs).replace(/[{}]/g, '').split(',').filter(Boolean)
    ).map(Number),
    facts: (typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts) as Record<
      string,
      string | number
    >,
    detectedAt: date(row.detected_at),
    status: row.status as 'open' | 'reviewed',
    reviewedBy: (row.reviewed_by as string | null) ?? null,
    reviewedByName: (row.reviewed_by_name as string | null) ?? null,
    reviewedAt: row.reviewed_at ? date(row.reviewed_at) : null,
    reviewNote: (row.review_note as string | null) ?? null,
  }));
}

/** Marks an open finding reviewed; null when it does not exist or was reviewed already. */
export async function markReviewed(
  db: DbOrTx,
  { id, by, at, note }: { id: string; by: string; at: Date; note: string },
): Promise<{ id: string; actorId: string; rule: string } | null> {
  const [row] = await db
    .update(anomalyFindings)
    .set({ status: 'reviewed', reviewedBy: by, reviewedAt: at, reviewNote: note })
    .where(and(eq(anomalyFindings.id, id), eq(anomalyFindings.status, 'open')))
    .returning({
      id: anomalyFindings.id,
      actorId: anomalyFindings.actorId,
      rule: anomalyFindings.rule,
    });
  return row ?? null;
}

export async function findingExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: anomalyFindings.id })
    .from(anomalyFindings)
    .where(eq(anomalyFindings.id, id));
  return row !== undefined;
}

export async function countOpenFindings(db: DbOrTx): Promise<number> {
  const result = await db.execute(
    sql`SELECT count(*)::int AS n FROM anomaly_findings WHERE status = 'open'`,
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** Removes findings whose look-ups all happened before `cutoff` (their events are gone). */
export async function deleteFindingsBefore(db: DbOrTx, cutoff: Date): Promise<number> {
  const rows = await db
    .delete(anomalyFindings)
    .where(lt(anomalyFindings.windowEnd, cutoff))
    .returning({ id: anomalyFindings.id });
  return rows.length;
}
