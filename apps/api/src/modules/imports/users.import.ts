import { DisplayName, ROLES, Username, type ImportError, type Role } from '@zemag/contracts';
import { conflictingRole } from '../grants/grants.policy.js';
import type { CsvTable } from './imports.csv.js';
import { importError } from './imports.messages.js';

/** Roles a CSV may grant: those that need no second administrator's confirmation. */
export const IMPORTABLE_ROLES: readonly Role[] = ['field', 'control_room'];

export interface ExistingUser {
  id: string;
  username: string;
  displayName: string;
  departmentCode: string | null;
  disabled: boolean;
  /** Roles granted or pending, whatever their status. */
  roles: Role[];
}

export type UserOp = {
  row: number;
  kind: 'create' | 'update' | 'unchanged';
  username: string;
  displayName: string;
  departmentCode: string;
  /** Roles to add (never removed by an import). */
  addRoles: Role[];
  existingId: string | null;
};

/**
 * Checks a users CSV and plans the changes. Re-running the same file changes nothing.
 * Columns: username; display_name; department_code; roles (space separated, optional).
 */
export function planUserImport(
  table: CsvTable,
  context: {
    existing: ReadonlyMap<string, ExistingUser>;
    departments: ReadonlyMap<string, { authorised: boolean }>;
    actorUsername: string;
  },
) {
  const errors: ImportError[] = [];
  for (const column of ['username', 'display_name', 'department_code']) {
    if (!table.columns.includes(column)) errors.push(importError(0, column, 'column.missing'));
  }
  if (errors.length > 0) return { errors, ops: [] as UserOp[] };

  const seen = new Set<string>();
  const ops: UserOp[] = [];
  for (const { row, values } of table.records) {
    const before = errors.length;
    const username = Username.safeParse(values.username ?? '');
    const displayName = DisplayName.safeParse(values.display_name ?? '');
    const departmentCode = (values.department_code ?? '').trim();
    const roleNames = (values.roles ?? '').split(/[\s,|]+/).filter(Boolean);

    if (!values.username) errors.push(importError(row, 'username', 'value.required'));
    else if (!username.success) errors.push(importError(row, 'username', 'value.invalid'));
    else if (seen.has(username.data)) errors.push(importError(row, 'username', 'value.duplicate'));
    if (!values.display_name) errors.push(importError(row, 'display_name', 'value.required'));
    else if (!displayName.success) errors.push(importError(row, 'display_name', 'value.invalid'));
    const department = context.departments.get(departmentCode);
    if (!departmentCode) errors.push(importError(row, 'department_code', 'value.required'));
    else if (!department) errors.push(importError(row, 'department_code', 'department.unknown'));

    const roles: Role[] = [];
    for (const name of roleNames) {
      if (
        !(ROLES as readonly string[]).includes(name) ||
        !IMPORTABLE_ROLES.includes(name as Role)
      ) {
        errors.push(importError(row, 'roles', 'role.not_importable'));
      } else roles.push(name as Role);
    }
    if (!username.success || errors.length > before) continue;
    seen.add(username.data);

    const old = context.existing.get(username.data) ?? null;
    const addRoles = roles.filter((r) => !old?.roles.includes(r));
    if (addRoles.length > 0) {
      if (username.data === context.actorUsername)
        errors.push(importError(row, 'roles', 'grant.self_grant'));
      if (old?.disabled) errors.push(importError(row, 'roles', 'user.disabled'));
      if (addRoles.includes('field') && !department!.authorised) {
        errors.push(importError(row, 'roles', 'grant.department_not_authorised'));
      }
      const held = [...(old?.roles ?? []), ...addRoles];
      if (
        addRoles.some((r) =>
          conflictingRole(
            r,
            held.filter((h) => h !== r),
          ),
        )
      ) {
        errors.push(importError(row, 'roles', 'grant.incompatible_roles'));
      }
      if (errors.length > before) continue;
    }
    const changed =
      old !== null &&
      (old.displayName !== displayName.data || old.departmentCode !== departmentCode);
    ops.push({
      row,
      kind: old === null ? 'create' : changed || addRoles.length > 0 ? 'update' : 'unchanged',
      username: username.data,
      displayName: displayName.data!,
      departmentCode,
      addRoles,
      existingId: old?.id ?? null,
    });
  }
  return { errors, ops: errors.length > 0 ? [] : ops };
}
