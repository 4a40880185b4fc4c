import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';

/** A period as instants: from the start of its first month to the start of the month after. */
export interface Period {
  start: Date;
  end: Date;
  /** The city's time zone: months are its calendar months. */
  timeZone: string;
}

/** One group of a count. */
export interface Group {
  key: string;
  /** A name the register holds for the key (a department's name), else null. */
  name: string | null;
  count: number;
}

export interface LookupGroup {
  department: string;
  departmentName: string | null;
  reason: string;
  count: number;
}

/** Everything the statistics count, for one period: aggregates only, no row of a person. */
export interface PeriodCounts {
  byMonth: Group[];
  byLevel: Group[];
  byDepartment: Group[];
  byReview: Group[];
  byCategory: Group[];
  listings: Group[];
  personBands: Group[];
  lookups: LookupGroup[];
}

/** `-`: without a department (a report made before departments existed, a deleted one). */
export const NO_DEPARTMENT = '-';

const within = (column: ReturnType<typeof sql.raw>, period: Period) =>
  sql`${column} >= ${period.start.toISOString()}::timestamptz AND ${column} < ${period.end.toISOString()}::timestamptz`;

async function groups(db: DbOrTx, query: ReturnType<typeof sql>): Promise<Group[]> {
  return rowsOf<{ key: string; name: string | null; count: number | string }>(
    await db.execute(query),
  ).map((row) => ({ key: String(row.key), name: row.name ?? null, count: Number(row.count) }));
}

/** The month of the oldest report the register still holds (city calendar), or null. */
export async function oldestReportMonth({
  db,
  timeZone,
}: {
  db: DbOrTx;
  timeZone: string;
}): Promise<string | null> {
  const [row] = rowsOf<{ month: string | null }>(
    await db.execute(
      sql`SELECT to_char(min(occurred_at) AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month FROM incidents`,
    ),
  );
  return row?.month ?? null;
}

/**
 * Reads every count of the period in one transaction (a consistent snapshot with the audit
 * event of the read). Reports count by when the incident happened; listings by when they were
 * activated or closed; look-ups are the `register.lookup` events of the audit log.
 */
export async function countPeriod({
  db,
  period,
}: {
  db: DbOrTx;
  period: Period;
}): Promise<PeriodCounts> {
  const occurred = within(sql.raw('i.occurred_at'), period);
  const tz = period.timeZone;
  const end = period.end.toISOString();
  return {
    byMonth: await groups(
      db,
      sql`SELECT to_char(i.occurred_at AT TIME ZONE ${tz}, 'YYYY-MM') AS key, NULL AS name, count(*) AS count
        FROM incidents i WHERE ${occurred} GROUP BY 1`,
    ),
    byLevel: await groups(
      db,
      sql`SELECT coalesce(i.level::text, 'none') AS key, NULL AS name, count(*) AS count
        FROM incidents i WHERE ${occurred} GROUP BY 1`,
    ),
    byDepartment: await groups(
      db,
      sql`SELECT coalesce(d.code, ${NO_DEPARTMENT}) AS key, d.name AS name, count(*) AS count
        FROM incidents i LEFT JOIN departments d ON d.id = i.reporter_department_id
        WHERE ${occurred} GROUP BY 1, 2`,
    ),
    byReview: await groups(
      db,
      sql`SELECT CASE WHEN i.status IN ('confirmed', 'rejected') THEN i.status ELSE 'open' END AS key,
          NULL AS name, count(*) AS count
        FROM incidents i WHERE ${occurred} GROUP BY 1`,
    ),
    byCategory: await groups(
      db,
      sql`SELECT c.category AS key, NULL AS name, count(DISTINCT i.id) AS count
        FROM incidents i CROSS JOIN LATERAL unnest(i.categories) AS c(category)
        WHERE ${occurred} GROUP BY 1`,
    ),
    listings: await groups(
      db,
      sql`SELECT 'active_at_end' AS key, NULL AS name, count(*) AS count FROM listings l
          WHERE l.activated_at < ${end}::timestamptz
            AND (l.closed_at IS NULL OR l.closed_at >= ${end}::timestamptz)
        UNION ALL
        SELECT 'activated', NULL, count(*) FROM listings l WHERE ${within(sql.raw('l.activated_at'), period)}
        UNION ALL
        SELECT l.status, NULL, count(*) FROM listings l
          WHERE l.status IN ('expired', 'ended') AND ${within(sql.raw('l.closed_at'), period)}
          GROUP BY l.status`,
    ),
    personBands: await groups(
      db,
      sql`SELECT CASE WHEN n >= 3 THEN '3+' ELSE n::text END AS key, NULL AS name, count(*) AS count
        FROM (SELECT ip.person_id, count(DISTINCT ip.incident_id) AS n
              FROM incident_persons ip JOIN incidents i ON i.id = ip.incident_id
              WHERE ip.person_id IS NOT NULL AND ${occurred}
              GROUP BY ip.person_id) AS per_person
        GROUP BY 1`,
    ),
    lookups: rowsOf<{
      department: string;
      department_name: string | null;
      reason: string | null;
      count: number | string;
    }>(
      await db.execute(
        sql`SELECT coalesce(d.code, ${NO_DEPARTMENT}) AS department, d.name AS department_name,
            coalesce(e.details->>'reason', '') AS reason, count(*) AS count
          FROM audit_events e
          LEFT JOIN users u ON u.id = e.actor_id
          LEFT JOIN departments d ON d.id = u.department_id
          WHERE e.action = 'register.lookup' AND ${within(sql.raw('e.occurred_at'), period)}
          GROUP BY 1, 2, 3`,
      ),
    ).map((row) => ({
      department: row.department,
      departmentName: row.department_name ?? null,
      reason: row.reason ?? '',
      count: Number(row.count),
    })),
  };
}
