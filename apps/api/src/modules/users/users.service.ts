import type {
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
import type { AuditService } from '../audit/audit.service.js';
import { findDepartmentsByCodes } from '../departments/departments.repository.js';
import { listActiveAdminIds } from '../grants/grants.repository.js';
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
  settings,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  grants: GrantsService;
  settings: { timeZone: string; recertifyMonths: number };
}) {
  async function summaries(rows: SummaryRow[]): Promise<UserSummary[]> {
    const { rows: grantRows } = await listGrantStatesOfUsers({
      db,
      userIds: rows.map((r) => r.id),
    });
    const today = localDate(clock.now(), settings.timeZone);
    return rows.map((row) => {
      const mine = grantRows.filter((g) => g.userId === row.id);
      const context = { today, departmentAuthorised: row.departmentAuthorised === true };
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
     * Only for the first administrator and for employees; other roles go through grants.
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
      const [[summary], { grants: list }] = await Promise.all([
        summaries([row]),
        grants.listForUser({ userId: id }),
      ]);
      return {
        ...summary!,
        createdAt: row.createdAt.toISOString(),
        hasPassword: row.hasPassword,
        grants: list,
      };
    },

    /** An administrator creates an employee account; it starts with the `reporter` role. */
    async create({ actor, input }: { actor: string; input: CreateUserRequest }) {
      const { user } = await db.transaction(async (tx) =>
        service.createUser({
          tx,
          username: input.username,
          displayName: input.displayName,
          password: input.password ?? null,
          departmentId: await departmentIdFor(tx, input.departmentCode),
          roles: ['reporter'],
          actor,
        }),
      );
      return service.get({ id: user.id });
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

    /** Disables an account; all its sessions end. Not oneself, not the last administrator. */
    async disable({ actor, id, reason }: { actor: string; id: string; reason: string }) {
      await db.transaction(async (tx) => {
        if (actor === id) throw new AppError(403, 'user.self_change');
        const { row } = await findUserSummary({ db: tx, id });
        if (!row) throw new AppError(404, 'user.not_found');
        if (row.disabledAt !== null) return;
        const { ids } = await listActiveAdminIds({ db: tx });
        if (ids.length === 1 && ids[0] === id) throw new AppError(409, 'grant.last_admin');
        await updateUser({
          db: tx,
          id,
          changes: { disabledAt: clock.now(), updatedAt: clock.now() },
        });
        await endSessions(tx, id);
        await audit.record({
          tx,
          actor,
          action: 'user.disabled',
          subject: { type: 'user', id },
          purpose: reason,
        });
      });
      return service.get({ id });
    },

    async enable({ actor, id }: { actor: string; id: string }) {
      await db.transaction(async (tx) => {
        const { row } = await findUserSummary({ db: tx, id });
        if (!row) throw new AppError(404, 'user.not_found');
        if (row.disabledAt === null) return;
        await updateUser({ db: tx, id, changes: { disabledAt: null, updatedAt: clock.now() } });
        await audit.record({ tx, actor, action: 'user.enabled', subject: { type: 'user', id } });
      });
      return service.get({ id });
    },
  };
  return service;
}
