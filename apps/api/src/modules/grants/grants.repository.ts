import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Role } from '@zemag/contracts';
import type { DbOrTx, Tx } from '../../db/database.js';
import { auditEvents } from '../audit/audit.table.js';
import { departments } from '../departments/departments.table.js';
import { userRoles, users } from '../identity/identity.table.js';

export type GrantRow = typeof userRoles.$inferSelect;

/**
 * A new grant of a role reuses the user's revoked row of that role (its earlier life stays in
 * the audit log); any other existing row is kept, so the insert writes nothing.
 */
export const REUSE_REVOKED_GRANT = {
  target: [userRoles.userId, userRoles.role],
  set: {
    status: sql`excluded.status`,
    grantedBy: sql`excluded.granted_by`,
    grantedAt: sql`excluded.granted_at`,
    confirmedBy: sql`excluded.confirmed_by`,
    confirmedAt: sql`excluded.confirmed_at`,
    endsOn: sql`excluded.ends_on`,
    recertifyBy: sql`excluded.recertify_by`,
    revokedBy: null,
    revokedAt: null,
    lapseRecordedAt: null,
  },
  setWhere: sql`${userRoles.status} = 'revoked'`,
};

/**
 * As `REUSE_REVOKED_GRANT`, and also the row of a grant that no longer works: ended before
 * `today`, or its re-certification lapsed (`recertify_by` before `lapsedBefore`). Checked again
 * on the locked row, so of several requests at once only the first replaces it.
 */
export function reuseEndedGrant({ today, lapsedBefore }: { today: string; lapsedBefore: string }) {
  return {
    ...REUSE_REVOKED_GRANT,
    setWhere: sql`${userRoles.status} = 'revoked' OR (${userRoles.status} = 'active' AND (
      (${userRoles.endsOn} IS NOT NULL AND ${userRoles.endsOn} < ${today}::date)
      OR ${userRoles.recertifyBy} < ${lapsedBefore}::date))`,
  };
}

const granter = alias(users, 'granter');
const confirmer = alias(users, 'confirmer');

const grantColumns = {
  grant: userRoles,
  grantedByName: granter.displayName,
  confirmedByName: confirmer.displayName,
};

/** A user's grants (also revoked ones, kept for their history) with who granted and confirmed them. */
export async function listGrantsOfUser({ db, userId }: { db: DbOrTx; userId: string }) {
  const rows = await db
    .select(grantColumns)
    .from(userRoles)
    .leftJoin(granter, eq(granter.id, userRoles.grantedBy))
    .leftJoin(confirmer, eq(confirmer.id, userRoles.confirmedBy))
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role));
  return { rows };
}

/** What the access rules need about one user: their grants and whether their department may look up. */
export async function findAccessFacts({ db, userId }: { db: DbOrTx; userId: string }) {
  const [rows, [dept]] = await Promise.all([
    db
      .select({
        role: userRoles.role,
        status: userRoles.status,
        endsOn: userRoles.endsOn,
        recertifyBy: userRoles.recertifyBy,
      })
      .from(userRoles)
      // revoked rows keep history only: they are neither held nor counted
      .where(and(eq(userRoles.userId, userId), ne(userRoles.status, 'revoked'))),
    db
      .select({ authorised: departments.lookupAuthorised })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(users.id, userId)),
  ]);
  return {
    grants: rows.map((r) => ({
      role: r.role as Role,
      status: r.status as 'pending' | 'active',
      endsOn: r.endsOn,
      recertifyBy: r.recertifyBy,
    })),
    departmentAuthorised: dept?.authorised === true,
  };
}

/**
 * The row of a user's role, whatever its status (a revoked row is reused by a new grant);
 * `forUpdate`: locked until the transaction ends.
 */
export async function findGrant({
  db,
  userId,
  role,
  forUpdate = false,
}: {
  db: DbOrTx;
  userId: string;
  role: Role;
  forUpdate?: boolean;
}) {
  const query = db
    .select()
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return { grant: row ?? null };
}

/**
 * Inserts a grant, or reuses the user's row of the same role that `reuse` allows (pending or
 * active again; the earlier life stays in the audit log). Any other row is left as it is.
 */
export async function insertGrant({
  db,
  grant,
  reuse = REUSE_REVOKED_GRANT,
}: {
  db: DbOrTx;
  grant: typeof userRoles.$inferInsert;
  /** Which existing row the grant may replace (default: a revoked one). */
  reuse?: typeof REUSE_REVOKED_GRANT;
}) {
  const written = await db
    .insert(userRoles)
    .values(grant)
    .onConflictDoUpdate(reuse)
    .returning({ role: userRoles.role });
  // nothing written: a parallel request granted the role first
  return { inserted: written.length > 0 };
}

export async function updateGrant({
  db,
  userId,
  role,
  changes,
}: {
  db: DbOrTx;
  userId: string;
  role: Role;
  changes: Partial<typeof userRoles.$inferInsert>;
}) {
  await db
    .update(userRoles)
    .set(changes)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
}

/** Marks a grant revoked: the row (and so its history) stays, it no longer gives access. */
export async function revokeGrant({
  db,
  userId,
  role,
  actor,
  at,
}: {
  db: DbOrTx;
  userId: string;
  role: Role;
  actor: string | null;
  at: Date;
}) {
  await db
    .update(userRoles)
    .set({ status: 'revoked', revokedBy: actor, revokedAt: at })
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
}

const grantee = { id: users.id, username: users.username, displayName: users.displayName };

export async function listPendingGrants({ db }: { db: DbOrTx }) {
  const rows = await db
    .select({ ...grantColumns, user: grantee })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(granter, eq(granter.id, userRoles.grantedBy))
    .leftJoin(confirmer, eq(confirmer.id, userRoles.confirmedBy))
    .where(eq(userRoles.status, 'pending'))
    .orderBy(asc(userRoles.grantedAt));
  return { rows };
}

/** Active grants of enabled users whose re-certification is due on or before `onOrBefore`. */
export async function listGrantsDue({ db, onOrBefore }: { db: DbOrTx; onOrBefore: string }) {
  const rows = await db
    .select({ ...grantColumns, user: grantee })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(granter, eq(granter.id, userRoles.grantedBy))
    .leftJoin(confirmer, eq(confirmer.id, userRoles.confirmedBy))
    .where(
      and(
        eq(userRoles.status, 'active'),
        lte(userRoles.recertifyBy, onOrBefore),
        sql`${users.disabledAt} IS NULL`,
      ),
    )
    .orderBy(asc(userRoles.recertifyBy));
  return { rows };
}

// Chosen once: serialises every decision about who the administrators are.
const ADMINISTRATORS_LOCK_KEY = 7_301_002;

/**
 * Takes the transaction's lock on the set of administrators: the first administrator, the
 * bootstrap grant, "never the last administrator" and the consent to one's own disabling read
 * the set and then change it, so two such transactions must not run side by side (on
 * PostgreSQL both would read the old set: two bootstrap admins, or none left at all).
 */
export async function lockAdministrators({ tx }: { tx: Tx }) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADMINISTRATORS_LOCK_KEY})`);
}

/** `listActiveAdminIds` under `lockAdministrators`, for a transaction that acts on the answer. */
export async function lockActiveAdminIds({ tx }: { tx: Tx }) {
  await lockAdministrators({ tx });
  return listActiveAdminIds({ db: tx });
}

/** Enabled users holding an active admin grant (end dates ignored: the safe side for "last admin"). */
export async function listActiveAdminIds({ db }: { db: DbOrTx }) {
  const rows = await db
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, 'admin'),
        eq(userRoles.status, 'active'),
        sql`${users.disabledAt} IS NULL`,
      ),
    );
  return { ids: rows.map((r) => r.id) };
}

/**
 * Every user who ever held an active admin grant, from the audit history (created as an
 * administrator, granted at once, or confirmed) and the grants in force, whatever the user's
 * state now: a revoked or disabled administrator still counts.
 */
export async function listEverAdminIds({ db }: { db: DbOrTx }) {
  const [history, current] = await Promise.all([
    db
      .selectDistinct({ id: auditEvents.subjectId })
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.action, ['user.created', 'grant.granted', 'grant.confirmed']),
          sql`(${auditEvents.details} -> 'roles' @> '["admin"]'::jsonb OR ${auditEvents.details} ->> 'role' = 'admin')`,
        ),
      ),
    db
      .select({ id: userRoles.userId })
      .from(userRoles)
      .where(and(eq(userRoles.role, 'admin'), eq(userRoles.status, 'active'))),
  ]);
  const ids = new Set<string>();
  for (const row of [...history, ...current]) if (row.id) ids.add(row.id);
  return { ids: [...ids] };
}
