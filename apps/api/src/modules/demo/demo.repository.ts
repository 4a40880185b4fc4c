import { and, eq, inArray, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { auditEvents } from '../audit/audit.table.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';

const countOf = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;

/** How many of the named accounts exist. */
export async function countUsersNamed({ db, usernames }: { db: DbOrTx; usernames: string[] }) {
  return {
    count: await countOf(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(inArray(users.username, usernames)),
    ),
  };
}

/**
 * Accounts that are neither demo accounts nor were created by one (an administrator trying
 * the demo may add accounts; those are demo data too). Anything else is real data.
 */
export async function countAccountsOutsideDemo({
  db,
  demoUsernames,
}: {
  db: DbOrTx;
  demoUsernames: string[];
}) {
  const creator = sql`creator`;
  return {
    count: await countOf(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(
          and(
            not(inArray(users.username, demoUsernames)),
            sql`NOT EXISTS (
              SELECT 1 FROM ${auditEvents}
              JOIN ${users} AS ${creator} ON ${creator}.id = ${auditEvents.actorId}
              WHERE ${auditEvents.action} = 'user.created'
                AND ${auditEvents.subjectType} = 'user'
                AND ${auditEvents.subjectId} = ${users.id}::text
                AND ${creator}.username IN (${sql.join(
                  demoUsernames.map((u) => sql`${u}`),
                  sql`, `,
                )})
            )`,
          ),
        ),
    ),
  };
}

export async function countDepartments({ db }: { db: DbOrTx }) {
  return { count: await countOf(db.select({ n: sql<number>`count(*)::int` }).from(departments)) };
}

/** The named accounts that exist and are not disabled, with their department's name. */
export async function findActiveUsersNamed({ db, usernames }: { db: DbOrTx; usernames: string[] }) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      departmentName: departments.name,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(inArray(users.username, usernames), sql`${users.disabledAt} IS NULL`));
  return { rows };
}
