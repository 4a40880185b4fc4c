import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';

/** The filter of the DPO's audit views (contracts `AuditEventQuery`), already validated. */
export interface AuditEventFilter {
  from?: string | undefined;
  to?: string | undefined;
  user?: string | undefined;
  department?: string | undefined;
  action?: string | undefined;
  person?: string | undefined;
  purpose?: string | undefined;
}

export interface AuditEventRow {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  username: string | null;
  displayName: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  purpose: string | null;
  details: Record<string, unknown>;
}

/** `%` and `_` typed by the DPO are meant literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filter: AuditEventFilter, before: number | null): SQL {
  const parts: SQL[] = [sql`true`];
  if (before !== null) parts.push(sql`e.seq < ${before}`);
  if (filter.from) parts.push(sql`e.occurred_at >= ${filter.from}::timestamptz`);
  if (filter.to) parts.push(sql`e.occurred_at < ${filter.to}::timestamptz`);
  if (filter.user) parts.push(sql`e.actor_id = ${filter.user}::uuid`);
  if (filter.department) parts.push(sql`d.code = ${filter.department}`);
  if (filter.action) {
    parts.push(
      filter.action.endsWith('.')
        ? sql`e.action LIKE ${`${likeLiteral(filter.action)}%`}`
        : sql`e.action = ${filter.action}`,
    );
  }
  if (filter.person) {
    // about the person, or a look-up or visit list that showed them (lookup_disclosures)
    parts.push(sql`((e.subject_type = 'person' AND e.subject_id = ${filter.person})
      OR e.seq IN (SELECT ld.audit_seq FROM lookup_disclosures ld
                   WHERE ld.person_id = ${filter.person}::uuid))`);
  }
  if (filter.purpose) parts.push(sql`e.purpose ILIKE ${`%${likeLiteral(filter.purpose)}%`}`);
  return sql.join(parts, sql` AND `);
}

/**
 * Events matching the filter, newest first, `limit` of them with a number below `before`
 * (keyset paging on `seq`: a page costs the same at the 10,000,000th event as at the first).
 */
export async function listAuditEvents({
  db,
  filter,
  before,
  limit,
}: {
  db: DbOrTx;
  filter: AuditEventFilter;
  before: number | null;
  limit: number;
}): Promise<AuditEventRow[]> {
  const result = await db.execute(sql`
    SELECT e.seq, e.occurred_at, e.actor_id, u.username, u.display_name, d.code AS department_code,
      d.name AS department_name, e.action, e.subject_type, e.subject_id, e.purpose, e.details
    FROM audit_events e
    LEFT JOIN users u ON u.id = e.actor_id
    LEFT JOIN departments d ON d.id = u.department_id
    WHERE ${conditions(filter, before)}
    ORDER BY e.seq DESC
    LIMIT ${limit}`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at as string | Date),
    actorId: (row.actor_id as string | null) ?? null,
    username: (row.username as string | null) ?? null,
    displayName: (row.display_name as string | null) ?? null,
    departmentCode: (row.department_code as string | null) ?? null,
    departmentName: (row.department_name as string | null) ?? null,
    action: row.action as string,
    subjectType: (row.subject_type as string | null) ?? null,
    subjectId: (row.subject_id as string | null) ?? null,
    purpose: (row.purpose as string | null) ?? null,
    details: (typeof row.details === 'string'
      ? JSON.parse(row.details)
      : (row.details ?? {})) as Record<string, unknown>,
  }));
}
