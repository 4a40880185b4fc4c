import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';

/**
 * A grant in force on `today` (as grants.policy.ts `grantStatus` = active): confirmed, not past
 * its end date, re-certified in time with the grace, held by an account that is not disabled.
 */
const inForce = (today: string, graceDays: number) => sql`
  r.status = 'active' AND u.disabled_at IS NULL
  AND (r.ends_on IS NULL OR r.ends_on >= ${today}::date)
  AND (r.recertify_by IS NULL OR r.recertify_by + ${graceDays}::int >= ${today}::date)`;

export interface AuthorisedDepartmentRow {
  code: string;
  name: string;
  reason: string | null;
  fieldUsers: number;
}

/**
 * The departments authorised for look-ups (the recipients of look-up answers), each with the
 * number of its staff whose `field` grant is in force today.
 */
export async function listAuthorisedDepartments({
  db,
  today,
  graceDays,
}: {
  db: DbOrTx;
  today: string;
  graceDays: number;
}): Promise<AuthorisedDepartmentRow[]> {
  const result = await db.execute(sql`
    SELECT d.code, d.name, d.lookup_authorisation_reason AS reason,
      (SELECT count(*)::int FROM user_roles r JOIN users u ON u.id = r.user_id
       WHERE u.department_id = d.id AND r.role = 'field' AND ${inForce(today, graceDays)}
      ) AS field_users
    FROM departments d
    WHERE d.lookup_authorised
    ORDER BY d.code`);
  return rowsOf<{ code: string; name: string; reason: string | null; field_users: number }>(
    result,
  ).map((row) => ({
    code: row.code,
    name: row.name,
    reason: row.reason,
    fieldUsers: row.field_users,
  }));
}

/**
 * How many accounts hold each role today. `field` counts only in authorised departments: a
 * grant elsewhere gives no look-ups.
 */
export async function countRoleHolders({
  db,
  today,
  graceDays,
}: {
  db: DbOrTx;
  today: string;
  graceDays: number;
}): Promise<Record<string, number>> {
  const result = await db.execute(sql`
    SELECT r.role, count(*)::int AS holders
    FROM user_roles r
    JOIN users u ON u.id = r.user_id
    LEFT JOIN departments d ON d.id = u.department_id
    WHERE ${inForce(today, graceDays)}
      AND (r.role <> 'field' OR d.lookup_authorised IS TRUE)
    GROUP BY r.role`);
  return Object.fromEntries(
    rowsOf<{ role: string; holders: number }>(result).map((row) => [row.role, row.holders]),
  );
}
