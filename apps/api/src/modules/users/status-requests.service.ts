import type { PendingStatusRequest, StatusRequest } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { lockActiveAdminIds, lockAdministrators } from '../grants/grants.repository.js';
import type { GrantsService } from '../grants/grants.service.js';
import { deleteSessionsOfUser } from '../identity/identity.repository.js';
import { findUserSummary, updateUser } from './users.repository.js';
import {
  refuseStatusConfirmation,
  statusChangeNeedsSecondPerson,
  type StatusAction,
} from './status-requests.policy.js';
import {
  deleteStatusRequest,
  findStatusRequest,
  insertStatusRequest,
  listStatusRequests,
} from './status-requests.repository.js';

type RequestRow = NonNullable<Awaited<ReturnType<typeof findStatusRequest>>['row']>;

function toStatusRequest(row: RequestRow): StatusRequest {
  return {
    action: row.request.action as StatusAction,
    reason: row.request.reason,
    requestedBy: { id: row.request.requestedBy, displayName: row.requestedByName },
    requestedAt: row.request.requestedAt.toISOString(),
  };
}

export type StatusRequestsService = ReturnType<typeof createStatusRequestsService>;

/**
 * Disabling and re-enabling accounts. For an account holding an active four-eyes role the
 * change waits as a request until a second person confirms it (status-requests.policy.ts).
 */
export function createStatusRequestsService({
  db,
  audit,
  clock,
  grants,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  grants: GrantsService;
}) {
  async function apply(
    tx: Tx,
    input: { actor: string; id: string; action: StatusAction; reason: string | null },
    details: Record<string, unknown> = {},
  ) {
    if (input.action === 'disable') {
      const { ids } = await lockActiveAdminIds({ tx });
      if (ids.length === 1 && ids[0] === input.id) throw new AppError(409, 'grant.last_admin');
    }
    const now = clock.now();
    await updateUser({
      db: tx,
      id: input.id,
      changes: { disabledAt: input.action === 'disable' ? now : null, updatedAt: now },
    });
    if (input.action === 'disable') await deleteSessionsOfUser({ db: tx, userId: input.id });
    await audit.record({
      tx,
      actor: input.actor,
      action: input.action === 'disable' ? 'user.disabled' : 'user.enabled',
      subject: { type: 'user', id: input.id },
      ...(input.reason !== null ? { purpose: input.reason } : {}),
      details,
    });
  }

  /** Applies the change at once, or files it as a request when a second person is needed. */
  async function change(input: {
    actor: string;
    id: string;
    action: StatusAction;
    reason: string | null;
  }): Promise<{ pending: boolean }> {
    return db.transaction(async (tx) => {
      if (input.actor === input.id) throw new AppError(403, 'user.self_change');
      const { row } = await findUserSummary({ db: tx, id: input.id });
      if (!row) throw new AppError(404, 'user.not_found');
      const disabled = row.disabledAt !== null;
      if ((input.action === 'disable') === disabled) return { pending: false };
      const { row: open } = await findStatusRequest({ db: tx, userId: input.id });
      if (open) {
        if (open.request.action === input.action) return { pending: true };
        throw new AppError(409, 'user.status_request_pending');
      }
      const { roles } = await grants.rolesOf({ db: tx, userId: input.id });
      if (!statusChangeNeedsSecondPerson(roles)) {
        await apply(tx, input);
        return { pending: false };
      }
      if (input.action === 'disable') {
        const { ids } = await lockActiveAdminIds({ tx });
        if (ids.length === 1 && ids[0] === input.id) throw new AppError(409, 'grant.last_admin');
      }
      const { inserted } = await insertStatusRequest({
        db: tx,
        request: {
          userId: input.id,
          action: input.action,
          reason: input.reason,
          requestedBy: input.actor,
          requestedAt: clock.now(),
        },
      });
      if (!inserted) throw new AppError(409, 'user.status_request_pending');
      await audit.record({
        tx,
        actor: input.actor,
        action: input.action === 'disable' ? 'user.disable_requested' : 'user.enable_requested',
        subject: { type: 'user', id: input.id },
        ...(input.reason !== null ? { purpose: input.reason } : {}),
        details: { roles },
      });
      return { pending: true };
    });
  }

  return {
    change,

    async find({ userId }: { userId: string }): Promise<StatusRequest | null> {
      const { row } = await findStatusRequest({ db, userId });
      return row ? toStatusRequest(row) : null;
    },

    async listPending(): Promise<{ pending: PendingStatusRequest[] }> {
      const { rows } = await listStatusRequests({ db });
      return { pending: rows.map((row) => ({ ...toStatusRequest(row), user: row.user })) };
    },

    /** A second person confirms the request; the account is disabled or enabled. */
    async confirm({ actor, id }: { actor: string; id: string }) {
      await db.transaction(async (tx) => {
        // first: the request read below and the administrators are then those of this moment
        await lockAdministrators({ tx });
        const { row } = await findStatusRequest({ db: tx, userId: id });
        if (!row) throw new AppError(404, 'user.status_request_not_found');
        const action = row.request.action as StatusAction;
        const { ids: activeAdminIds } = await lockActiveAdminIds({ tx });
        const refusal = refuseStatusConfirmation({
          actorId: actor,
          targetId: id,
          requestedBy: row.request.requestedBy,
          action,
          activeAdminIds,
        });
        if (refusal) throw new AppError(403, refusal);
        await deleteStatusRequest({ db: tx, userId: id });
        await apply(
          tx,
          { actor, id, action, reason: row.request.reason },
          { requestedBy: row.request.requestedBy, ...(actor === id ? { consent: true } : {}) },
        );
      });
    },

    /** Withdraws (the requester) or declines (anyone else, the target too) the request. */
    async decline({ actor, id, reason }: { actor: string; id: string; reason: string }) {
      await db.transaction(async (tx) => {
        const { row } = await findStatusRequest({ db: tx, userId: id });
        if (!row) throw new AppError(404, 'user.status_request_not_found');
        await deleteStatusRequest({ db: tx, userId: id });
        await audit.record({
          tx,
          actor,
          action: 'user.status_request_declined',
          subject: { type: 'user', id },
          purpose: reason,
          details: { action: row.request.action, requestedBy: row.request.requestedBy },
        });
      });
    },
  };
}
