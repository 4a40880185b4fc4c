import type { Department, DepartmentInput } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import {
  findDepartmentById,
  findDepartmentsByCodes,
  insertDepartment,
  listAncestorIds,
  listDepartments,
  updateDepartment,
  type DepartmentRow,
} from './departments.repository.js';

export type DepartmentsService = ReturnType<typeof createDepartmentsService>;

/** What changed, for the audit log: field names only, plus the look-up flag itself. */
function changedFields(before: DepartmentRow, after: DepartmentRow) {
  const keys = [
    'code',
    'name',
    'parentId',
    'contact',
    'phone',
    'lookupAuthorised',
    'lookupAuthorisationReason',
  ] as const;
  return keys.filter((key) => before[key] !== after[key]);
}

export function createDepartmentsService({
  db,
  audit,
  clock,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
}) {
  async function resolveParent(tx: Tx, parentCode: string | null) {
    if (parentCode === null) return null;
    const { departments } = await findDepartmentsByCodes({ db: tx, codes: [parentCode] });
    const parent = departments[0];
    if (!parent) throw new AppError(400, 'department.unknown', { field: 'parentCode' });
    return parent.id;
  }

  return {
    async list(): Promise<{ departments: Department[] }> {
      const { rows } = await listDepartments({ db });
      return {
        departments: rows.map(({ department: d, parentCode, userCount }) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          parentCode,
          contact: d.contact,
          phone: d.phone,
          lookupAuthorised: d.lookupAuthorised,
          lookupAuthorisationReason: d.lookupAuthorisationReason,
          userCount,
        })),
      };
    },

    async create({ input, actor }: { input: DepartmentInput; actor: string }) {
      return db.transaction(async (tx) => {
        const { departments } = await findDepartmentsByCodes({ db: tx, codes: [input.code] });
        if (departments.length > 0)
          throw new AppError(409, 'department.code_taken', { field: 'code' });
        const now = clock.now();
        const { department } = await insertDepartment({
          db: tx,
          department: {
            code: input.code,
            name: input.name,
            parentId: await resolveParent(tx, input.parentCode),
            contact: input.contact,
            phone: input.phone,
            lookupAuthorised: input.lookupAuthorised,
            lookupAuthorisationReason: input.lookupAuthorised
              ? input.lookupAuthorisationReason
              : null,
            createdAt: now,
            updatedAt: now,
          },
        });
        await audit.record({
          tx,
          actor,
          action: 'department.created',
          subject: { type: 'department', id: department.id },
          details: { code: department.code, lookupAuthorised: department.lookupAuthorised },
        });
        return { department };
      });
    },

    async update({ id, input, actor }: { id: string; input: DepartmentInput; actor: string }) {
      return db.transaction(async (tx) => {
        const { department: before } = await findDepartmentById({ db: tx, id });
        if (!before) throw new AppError(404, 'resource.not_found');
        if (input.code !== before.code) {
          const { departments } = await findDepartmentsByCodes({ db: tx, codes: [input.code] });
          if (departments.length > 0)
            throw new AppError(409, 'department.code_taken', { field: 'code' });
        }
        const parentId = await resolveParent(tx, input.parentCode);
        if (parentId !== null) {
          const { ids } = await listAncestorIds({ db: tx, id: parentId });
          if (ids.includes(id))
            throw new AppError(400, 'department.parent_cycle', { field: 'parentCode' });
        }
        const { department } = await updateDepartment({
          db: tx,
          id,
          changes: {
            code: input.code,
            name: input.name,
            parentId,
            contact: input.contact,
            phone: input.phone,
            lookupAuthorised: input.lookupAuthorised,
            lookupAuthorisationReason: input.lookupAuthorised
              ? input.lookupAuthorisationReason
              : null,
            updatedAt: clock.now(),
          },
        });
        if (!department) throw new AppError(404, 'resource.not_found');
        await audit.record({
          tx,
          actor,
          action: 'department.updated',
          subject: { type: 'department', id },
          details: {
            code: department.code,
            changed: changedFields(before, department),
            lookupAuthorised: department.lookupAuthorised,
          },
        });
        return { department };
      });
    },
  };
}
