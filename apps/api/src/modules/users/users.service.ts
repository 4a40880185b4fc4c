import type {
  CreatedUser,
  CreateUserRequest,
  Role,
  UpdateUserRequest,
  UserDetail,
  UserSearchQuery,
  UserSummary,
} from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { addMonths, localDate } from '../../local-date.js';
import type { ActivationService } from '../activation/activation.service.js';
import type { AuditService } from '../audit/audit.service.js';
import { findDepartmentsByCodes } from '../departments/departments.repository.js';
import { grantStatus } from '../grants/grants.policy.js';
import type { GrantsService } from '../grants/grants.service.js';
import {
  deleteSessionsOfUser,
  findUserByUsername,
  insertRoles,
  insertUser,
} from '../identity/identity.repository.js';
import { hashPassword } from '../identity/password.js';
import { refusePassword } from '../identity/password-policy.js';
import { createStatusRequestsService } from './status-requests.service.js';
import {
  findUserSummary,
  listGrantStatesOfUsers,
  searchUsers,
  updateUser,
} from './users.repository.js';

type SummaryRow = NonNullable<Awaited<ReturnType<typeof findUserSummary>>['row']>;

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService({
  db,
  audit,
  clock,
  grants,
  activation,
  settings,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  grants: GrantsService;
  activation: ActivationService;
  settings: { timeZone: string; recertifyMonths: number; recertifyGraceDays?: number };
}) {
  const statusRequests = createStatusRequestsService({ db, audit, clock, grants });

  async function summaries(rows: SummaryRow[]): Promise<UserSummary[]> {
    const { rows: grantRows } = await listGrantStatesOfUsers({
      db,
      userIds: rows.map((r) => r.id),
    });
    const today = localDate(clock.now(), settings.timeZone);
    return rows.map((row) => {
      const mine = grantRows.filter((g) => g.userId === row.id);
      const context = {
        today,
        departmentAuthorised: row.departmentAuthorised === true,
        ...(settings.recertifyGraceDays === undefined
          ? {}
          : { graceDays: settings.recertifyGraceDays }),
      };
      return {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        department:
          row.departmentCode && row.departmentName
            ? { code: row.departmentCode, name: row.departmentName }
            : null,
        disabled: row.disabledAt !== null,
        roles: mine.filter((g) => grantStatus(g, context) === 'active').map((g) => g.role),
        pendingRoles: mine.filter((g) => g.status === 'pending').map((g) => g.role),
      };
    });
  }

  async function departmentIdFor(tx: Tx | Db, code: string) {
    const { departments } = await findDepartmentsByCodes({ db: tx, codes: [code] });
    const department = departments[0];
    if (!department) throw new AppError(400, 'department.unknown', { field: 'departmentCode' });
    return department.id;
  }

  async function endSessions(tx: Tx, userId: string) {
    await deleteSessionsOfUser({ db: tx, userId });
  }

  const service = {
    /**
     * Creates an account with roles that are active at once (every employee is `reporter`).
     * Only for the first administrator and for employees; other roles go through grants. A
     * password is set here only by its owner (first-administrator setup) or by the demo seed;
     * accounts an administrator creates get an activation link instead (`create`).
     */
    async createUser({
      tx,
      username,
      displayName,
      password,
      departmentId,
      roles,
      actor,
    }: {
      tx: Tx;
      username: string;
      displayName: string;
      password: string | null;
      departmentId: string | null;
      roles: readonly Role[];
      actor: string | null;
    }) {
      const now = clock.now();
      const { user: existing } = await findUserByUsername({ db: tx, username });
      if (existing) throw new AppError(409, 'user.username_taken', { field: 'username' });
      if (password !== null) {
        const refusal = refusePassword(password, { username });
        if (refusal) throw new AppError(400, refusal, { field: 'password' });
      }
      const passwordHash = password === null ? null : await hashPassword(password);
      const { user } = await insertUser({
        db: tx,
        user: { username, displayName, passwordHash, departmentId, createdAt: now, updatedAt: now },
      });
      await insertRoles({
        db: tx,
        userId: user.id,
        roles,
        grantedBy: actor,
        grantedAt: now,
        recertifyBy: addMonths(localDate(now, settings.timeZone), settings.recertifyMonths),
      });
      await audit.record({
        tx,
        actor: actor ?? user.id,
        action: 'user.created',
        subject: { type: 'user', id: user.id },
        details: { roles: [...roles], departmentId },
      });
      return { user };
    },

    async search(query: UserSearchQuery) {
      const { rows, total } = await searchUsers({ db, query });
      return { total, users: await summaries(rows) };
    },

    async get({ id }: { id: string }): Promise<UserDetail> {
      const { row } = await findUserSummary({ db, id });
      if (!row) throw new AppError(404, 'user.not_found');
      const [[summary], { grants: list }, statusRequest] = await Promise.all([
        summaries([row]),
        grants.listForUser({ userId: id }),
        statusRequests.find({ userId: id }),
      ]);
      return {
        ...summary!,
        createdAt: row.createdAt.toISOString(),
        hasPassword: row.hasPassword,
        activated: row.activated,
        statusRequest,
        grants: list,
      };
    },

    /**
     * An administrator creates an employee account; it starts with the `reporter` role and no
     * password. The answer carries the one-time activation link (shown once) with which the
     * employee sets their own password; the administrator never knows it.
     */
    async create({
      actor,
      input,
    }: {
      actor: string;
      input: CreateUserRequest;
    }): Promise<CreatedUser> {
      const { user, activationLink } = await db.transaction(async (tx) => {
        const { user } = await service.createUser({
          tx,
          username: input.username,
          displayName: input.displayName,
          password: null,
          departmentId: await departmentIdFor(tx, input.departmentCode),
          roles: ['reporter'],
          actor,
        });
        const link = await activation.issueIn(tx, { actor, userId: user.id });
        await audit.record({
          tx,
          actor,
          action: 'user.activation_link_issued',
          subject: { type: 'user', id: user.id },
          details: { expiresAt: link.expiresAt, reissued: false },
        });
        return { user, activationLink: link };
      });
      return { ...(await service.get({ id: user.id })), activationLink };
    },

    async update({ actor, id, input }: { actor: string; id: string; input: UpdateUserRequest }) {
      await db.transaction(async (tx) => {
        const { row } = await findUserSummary({ db: tx, id });
        if (!row) throw new AppError(404, 'user.not_found');
        const departmentId = input.departmentCode
          ? await departmentIdFor(tx, input.departmentCode)
          : row.departmentId;
        await updateUser({
          db: tx,
          id,
          changes: {
            displayName: input.displayName ?? row.displayName,
            departmentId,
            updatedAt: clock.now(),
          },
        });
        const changed = [
          ...(input.displayName !== undefined && input.displayName !== row.displayName
            ? ['displayName']
            : []),
          ...(departmentId !== row.departmentId ? ['department'] : []),
        ];
        await audit.record({
          tx,
          actor,
          action: 'user.updated',
          subject: { type: 'user', id },
          details: { changed },
        });
        // A new department may change what `field` allows: end sessions so it applies at once.
        if (departmentId !== row.departmentId) await endSessions(tx, id);
      });
      return service.get({ id });
    },

    /**
     * Disables an account; all its sessions end. Not oneself, not the last administrator. For
     * a holder of a four-eyes role it becomes a request a second person confirms.
     */
    async disable({ actor, id, reason }: { actor: string; id: string; reason: string }) {
      const { pending } = await statusRequests.change({ actor, id, action: 'disable', reason });
      return { pending, user: await service.get({ id }) };
    },

    /** Enables a disabled account; for a holder of a four-eyes role, as a request (see disable). */
    async enable({ actor, id }: { actor: string; id: string }) {
      const { pending } = await statusRequests.change({
        actor,
        id,
        action: 'enable',
        reason: null,
      });
      return { pending, user: await service.get({ id }) };
    },

    statusRequests,
  };
  return service;
}
