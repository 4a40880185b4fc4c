import type { Grant, PendingGrant, Role } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, DbOrTx, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { addMonths, localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { isActivated } from '../activation/activation.policy.js';
import { deleteSessionsOfUser, findUserById } from '../identity/identity.repository.js';
import {
  addDays,
  DEFAULT_RECERTIFY_GRACE_DAYS,
  effectiveRoles,
  grantStatus,
  isBootstrapAdminGrant,
  isLapsed,
  isReplaceable,
  needsFourEyes,
  refuseConfirmation,
  refuseGrant,
} from './grants.policy.js';
import {
  findAccessFacts,
  findGrant,
  insertGrant,
  lockActiveAdminIds,
  listEverAdminIds,
  listGrantsDue,
  listGrantsOfUser,
  listPendingGrants,
  reuseEndedGrant,
  revokeGrant,
  updateGrant,
  type GrantRow,
} from './grants.repository.js';

export interface GrantsSettings {
  timeZone: string;
  /** A grant must be confirmed as still needed this many months after it was made or last confirmed. */
  recertifyMonths: number;
  /** `field` grants wait for a second administrator (ZEMAG_FIELD_GRANT_FOUR_EYES). */
  fieldFourEyes: boolean;
  /** Days a re-certification may be overdue before the grant stops working (default 30). */
  recertifyGraceDays?: number;
}

type GrantWithNames = {
  grant: GrantRow;
  grantedByName: string | null;
  confirmedByName: string | null;
};

export type GrantsService = ReturnType<typeof createGrantsService>;

export function createGrantsService({
  db,
  audit,
  clock,
  settings,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  settings: GrantsSettings;
}) {
  const today = () => localDate(clock.now(), settings.timeZone);
  const graceDays = settings.recertifyGraceDays ?? DEFAULT_RECERTIFY_GRACE_DAYS;

  function toGrant(
    { grant, grantedByName, confirmedByName }: GrantWithNames,
    departmentAuthorised: boolean,
  ): Grant {
    return {
      role: grant.role as Role,
      status: grantStatus(
        {
          role: grant.role as Role,
          status: grant.status as 'pending' | 'active' | 'revoked',
          endsOn: grant.endsOn,
          recertifyBy: grant.recertifyBy,
        },
        { today: today(), departmentAuthorised, graceDays },
      ),
      grantedBy: grant.grantedBy ? { id: grant.grantedBy, displayName: grantedByName ?? '' } : null,
      grantedAt: grant.grantedAt.toISOString(),
      confirmedBy: grant.confirmedBy
        ? { id: grant.confirmedBy, displayName: confirmedByName ?? '' }
        : null,
      confirmedAt: grant.confirmedAt?.toISOString() ?? null,
      endsOn: grant.endsOn,
      recertifyBy: grant.recertifyBy,
    };
  }

  async function requireGrant(tx: Tx, userId: string, role: Role) {
    const { grant } = await findGrant({ db: tx, userId, role, forUpdate: true });
    // a revoked row is history only: nothing to confirm, decline, revoke or recertify
    if (!grant || grant.status === 'revoked') throw new AppError(404, 'grant.not_found');
    return grant;
  }

  /** What a grant that no longer works was, for the audit event of the grant replacing it. */
  function replaced(grant: GrantRow | null) {
    if (!grant || grant.status !== 'active') return {};
    const facts = { ...grant, role: grant.role as Role, status: 'active' as const };
    const context = { today: today(), graceDays, departmentAuthorised: true };
    return {
      replaces: {
        status: grantStatus(facts, context),
        grantedBy: grant.grantedBy,
        grantedAt: grant.grantedAt.toISOString(),
        confirmedBy: grant.confirmedBy,
        endsOn: grant.endsOn,
        recertifyBy: grant.recertifyBy,
      },
    };
  }

  /** Ends every session of the user: a changed grant applies from the next request on. */
  async function endSessions(tx: Tx, userId: string) {
    await deleteSessionsOfUser({ db: tx, userId });
  }

  return {
    today,

    /** The roles a user holds right now (see grants.policy.ts). */
    async rolesOf({ db: dbOrTx = db, userId }: { db?: DbOrTx; userId: string }) {
      const facts = await findAccessFacts({ db: dbOrTx, userId });
      return {
        roles: effectiveRoles(facts.grants, {
          today: today(),
          departmentAuthorised: facts.departmentAuthorised,
          graceDays,
        }),
      };
    },

    async listForUser({ db: dbOrTx = db, userId }: { db?: DbOrTx; userId: string }) {
      const [{ rows }, facts] = await Promise.all([
        listGrantsOfUser({ db: dbOrTx, userId }),
        findAccessFacts({ db: dbOrTx, userId }),
      ]);
      return { grants: rows.map((row) => toGrant(row, facts.departmentAuthorised)) };
    },

    /**
     * Grants a role. Four-eyes roles (admin, registrar, dpo and, unless configured off, field)
     * wait as `pending` for a second administrator; the others are active at once. A grant of
     * the role that no longer works (ended, or its re-certification lapsed) is replaced; what
     * it was goes into the audit event (`replaces`), the row is reused.
     */
    async grant({
      actor,
      userId,
      role,
      endsOn,
    }: {
      actor: string;
      userId: string;
      role: Role;
      endsOn: string | null;
    }) {
      return db.transaction(async (tx) => {
        const { user } = await findUserById({ db: tx, id: userId });
        if (!user) throw new AppError(404, 'user.not_found');
        const facts = await findAccessFacts({ db: tx, userId });
        const refusal = refuseGrant({
          actorId: actor,
          granteeId: userId,
          granteeDisabled: user.disabledAt !== null,
          role,
          heldRoles: facts.grants.map((g) => g.role),
          replaceableRoles: facts.grants
            .filter((g) => isReplaceable(g, { today: today(), graceDays }))
            .map((g) => g.role),
          departmentAuthorised: facts.departmentAuthorised,
          endsOn,
          today: today(),
        });
        if (refusal)
          throw new AppError(refusal.code === 'grant.already_held' ? 409 : 400, refusal.code, {
            field: refusal.field,
          });
        // Bootstrap: while the actor is the only administrator there has ever been, nobody could
        // confirm a second one, so that admin grant is active at once (audited as such). Once a
        // second administrator has existed, every admin grant needs a confirming one.
        const { ids: activeAdminIds } = await lockActiveAdminIds({ tx });
        const { ids: everAdminIds } = await listEverAdminIds({ db: tx });
        const bootstrap = isBootstrapAdminGrant({
          role,
          actorId: actor,
          activeAdminIds,
          everAdminIds,
        });
        const status: 'pending' | 'active' =
          needsFourEyes(role, settings) && !bootstrap ? 'pending' : 'active';
        const now = clock.now();
        const { grant: previous } = await findGrant({ db: tx, userId, role });
        const { inserted } = await insertGrant({
          db: tx,
          reuse: reuseEndedGrant({ today: today(), lapsedBefore: addDays(today(), -graceDays) }),
          grant: {
            userId,
            role,
            status,
            grantedBy: actor,
            grantedAt: now,
            endsOn,
            recertifyBy: addMonths(today(), settings.recertifyMonths),
          },
        });
        if (!inserted) throw new AppError(409, 'grant.already_held', { field: 'role' });
        await audit.record({
          tx,
          actor,
          action: status === 'pending' ? 'grant.requested' : 'grant.granted',
          subject: { type: 'user', id: userId },
          details: {
            role,
            endsOn,
            ...(bootstrap ? { bootstrap: true } : {}),
            ...replaced(previous),
          },
        });
        if (status === 'active') await endSessions(tx, userId);
        return { status };
      });
    },

    /** A second administrator confirms a pending grant; it becomes active. */
    async confirm({ actor, userId, role }: { actor: string; userId: string; role: Role }) {
      await db.transaction(async (tx) => {
        const grant = await requireGrant(tx, userId, role);
        if (grant.status !== 'pending') throw new AppError(409, 'grant.not_pending');
        const { user } = await findUserById({ db: tx, id: userId });
        if (!user || user.disabledAt !== null) throw new AppError(400, 'grant.user_disabled');
        const refusal = refuseConfirmation({
          actorId: actor,
          granteeId: userId,
          grantedBy: grant.grantedBy,
          granteeActivated: isActivated(user),
        });
        if (refusal)
          throw new AppError(refusal === 'grant.user_not_activated' ? 409 : 403, refusal);
        await updateGrant({
          db: tx,
          userId,
          role,
          changes: {
            status: 'active',
            confirmedBy: actor,
            confirmedAt: clock.now(),
            recertifyBy: addMonths(today(), settings.recertifyMonths),
          },
        });
        await audit.record({
          tx,
          actor,
          action: 'grant.confirmed',
          subject: { type: 'user', id: userId },
          details: { role, grantedBy: grant.grantedBy },
        });
        await endSessions(tx, userId);
      });
    },

    /** A second administrator declines a pending grant; its row is kept as revoked. */
    async decline({
      actor,
      userId,
      role,
      reason,
    }: {
      actor: string;
      userId: string;
      role: Role;
      reason: string;
    }) {
      await db.transaction(async (tx) => {
        const grant = await requireGrant(tx, userId, role);
        if (grant.status !== 'pending') throw new AppError(409, 'grant.not_pending');
        if (actor === userId) throw new AppError(403, 'grant.self_grant');
        await revokeGrant({ db: tx, userId, role, actor, at: clock.now() });
        await audit.record({
          tx,
          actor,
          action: 'grant.declined',
          subject: { type: 'user', id: userId },
          purpose: reason,
          details: { role },
        });
      });
    },

    /** Revokes a grant (the row is kept as revoked); the user's sessions end. The last active administrator stays. */
    async revoke({
      actor,
      userId,
      role,
      reason,
    }: {
      actor: string;
      userId: string;
      role: Role;
      reason: string;
    }) {
      await db.transaction(async (tx) => {
        const grant = await requireGrant(tx, userId, role);
        if (role === 'admin' && grant.status === 'active') {
          const { ids } = await lockActiveAdminIds({ tx });
          if (ids.length <= 1 && ids.includes(userId)) throw new AppError(409, 'grant.last_admin');
        }
        await revokeGrant({ db: tx, userId, role, actor, at: clock.now() });
        await audit.record({
          tx,
          actor,
          action: 'grant.revoked',
          subject: { type: 'user', id: userId },
          purpose: reason,
          details: { role, wasStatus: grant.status },
        });
        await endSessions(tx, userId);
      });
    },

    /**
     * Confirms an active grant is still needed; the next re-certification moves out. A grant
     * whose re-certification lapsed works again at once, unless its role needs four eyes: then
     * it waits as `pending` for a second administrator, like a new grant. An ended grant is not
     * recertified but granted anew (with a new end date).
     */
    async recertify({
      actor,
      userId,
      role,
    }: {
      actor: string;
      userId: string;
      role: Role;
    }): Promise<{ recertifyBy: string; status: 'pending' | 'active' }> {
      return db.transaction(async (tx) => {
        const grant = await requireGrant(tx, userId, role);
        if (grant.status !== 'active') throw new AppError(409, 'grant.not_pending');
        if (actor === userId) throw new AppError(403, 'grant.self_grant');
        if (grant.endsOn !== null && grant.endsOn < today()) {
          throw new AppError(409, 'grant.ended');
        }
        const recertifyBy = addMonths(today(), settings.recertifyMonths);
        if (
          isLapsed(grant.recertifyBy, { today: today(), graceDays }) &&
          needsFourEyes(role, settings)
        ) {
          await updateGrant({
            db: tx,
            userId,
            role,
            changes: {
              status: 'pending',
              grantedBy: actor,
              grantedAt: clock.now(),
              confirmedBy: null,
              confirmedAt: null,
              recertifyBy,
              lapseRecordedAt: null,
            },
          });
          await audit.record({
            tx,
            actor,
            action: 'grant.requested',
            subject: { type: 'user', id: userId },
            details: { role, endsOn: grant.endsOn, recertification: true, ...replaced(grant) },
          });
          return { recertifyBy, status: 'pending' as const };
        }
        // a lapsed grant works again; its next lapse is audited anew
        await updateGrant({
          db: tx,
          userId,
          role,
          changes: { recertifyBy, lapseRecordedAt: null },
        });
        await audit.record({
          tx,
          actor,
          action: 'grant.recertified',
          subject: { type: 'user', id: userId },
          details: { role, recertifyBy },
        });
        return { recertifyBy, status: 'active' as const };
      });
    },

    async listPending(): Promise<{ pending: PendingGrant[] }> {
      const { rows } = await listPendingGrants({ db });
      return { pending: rows.map((row) => ({ user: row.user, grant: toGrant(row, true) })) };
    },

    /** Grants whose re-certification is due within `withinDays` (or overdue). */
    async listDue({ withinDays = 30 }: { withinDays?: number } = {}) {
      const horizon = localDate(
        new Date(clock.now().getTime() + withinDays * 86_400_000),
        settings.timeZone,
      );
      const { rows } = await listGrantsDue({ db, onOrBefore: horizon });
      return { due: rows.map((row) => ({ user: row.user, grant: toGrant(row, true) })) };
    },
  };
}
