import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { rowsOf, type Db } from '../../db/database.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { addDays } from './grants.policy.js';

/**
 * For the scheduler (the retention job): audits once each active grant that stopped working
 * since the last run: `grant.expired` when its end date passed, `grant.lapsed` when its
 * re-certification is overdue by more than `graceDays`. The grant already gives no access from
 * that day on (grants.policy.ts); this records when it was noticed (`lapse_recorded_at`), so
 * the next run does not audit it again. Recertifying or granting anew clears the mark.
 * Several instances may run it at once: the row locks let each grant be recorded by one.
 */
export async function recordLapsedGrants({
  db,
  audit,
  clock,
  timeZone,
  graceDays,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  timeZone: string;
  graceDays: number;
}): Promise<{ expired: number; lapsed: number }> {
  const now = clock.now();
  const today = localDate(now, timeZone);
  // lapsed when recertify_by + grace < today, i.e. recertify_by < today - grace
  const lapsedBefore = addDays(today, -graceDays);
  return db.transaction(async (tx) => {
    const rows = rowsOf<{
      user_id: string;
      role: string;
      ends_on: string | null;
      recertify_by: string;
    }>(
      await tx.execute(sql`UPDATE user_roles SET lapse_recorded_at = ${now.toISOString()}::timestamptz
        WHERE status = 'active' AND lapse_recorded_at IS NULL
          AND ((ends_on IS NOT NULL AND ends_on < ${today}::date) OR recertify_by < ${lapsedBefore}::date)
        RETURNING user_id, role, ends_on::text AS ends_on, recertify_by::text AS recertify_by`),
    );
    const events = rows.map((row) => {
      const expired = row.ends_on !== null && row.ends_on < today;
      return {
        actor: null,
        action: expired ? 'grant.expired' : 'grant.lapsed',
        subject: { type: 'user', id: row.user_id },
        details: expired
          ? { role: row.role, endsOn: row.ends_on }
          : { role: row.role, recertifyBy: row.recertify_by, graceDays },
      };
    });
    await audit.recordMany({ tx, events });
    const expired = events.filter((e) => e.action === 'grant.expired').length;
    return { expired, lapsed: events.length - expired };
  });
}
