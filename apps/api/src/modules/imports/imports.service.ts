import { IMPORT_MAX_ROWS, type ImportError, type ImportReport, type Role } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { addMonths, localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { listDepartments } from '../departments/departments.repository.js';
import { needsFourEyes } from '../grants/grants.policy.js';
import { deleteSessionsOfUser, findUserById } from '../identity/identity.repository.js';
import { planDepartmentImport } from './departments.import.js';
import { readCsv, type CsvTable } from './imports.csv.js';
import { importError } from './imports.messages.js';
import {
  findUsersByUsernames,
  insertGrants,
  insertUsers,
  updateUserProfile,
  upsertDepartmentByCode,
} from './imports.repository.js';
import { planUserImport } from './users.import.js';

export type ImportsService = ReturnType<typeof createImportsService>;

function report(
  dryRun: boolean,
  rows: number,
  errors: ImportError[],
  counts = { created: 0, updated: 0, unchanged: 0 },
  applied = false,
): ImportReport {
  return { dryRun, applied, rows, ...counts, errors };
}

function countKinds(ops: { kind: 'create' | 'update' | 'unchanged' }[]) {
  return {
    created: ops.filter((o) => o.kind === 'create').length,
    updated: ops.filter((o) => o.kind === 'update').length,
    unchanged: ops.filter((o) => o.kind === 'unchanged').length,
  };
}

/** Reads the CSV or returns the report that says why it cannot be read. */
async function tableOf(
  csv: string,
  dryRun: boolean,
): Promise<{ table: CsvTable } | { failed: ImportReport }> {
  const parsed = await readCsv(csv, { maxRows: IMPORT_MAX_ROWS });
  if (!parsed.ok) {
    const code =
      parsed.reason === 'empty'
        ? 'csv.empty'
        : parsed.reason === 'too_many_rows'
          ? 'csv.too_many_rows'
          : 'csv.malformed';
    return { failed: report(dryRun, 0, [importError(parsed.row, 'csv', code)]) };
  }
  return { table: parsed.table };
}

/**
 * The roll-out import of departments and users from CSV: validated as a whole, applied in one
 * transaction or not at all, re-runnable (existing codes and user names are updated, never
 * duplicated). Imported users have no password: they sign in through single sign-on or an
 * administrator issues them an activation link to set their own. A `field` grant from the CSV
 * waits for a second administrator like any other (unless ZEMAG_FIELD_GRANT_FOUR_EYES is off).
 */
export function createImportsService({
  db,
  audit,
  clock,
  settings,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  settings: { timeZone: string; recertifyMonths: number; fieldFourEyes: boolean };
}) {
  return {
    async importDepartments({
      actor,
      csv,
      dryRun,
    }: {
      actor: string;
      csv: string;
      dryRun: boolean;
    }): Promise<ImportReport> {
      const read = await tableOf(csv, dryRun);
      if ('failed' in read) return read.failed;
      const { rows: existing } = await listDepartments({ db });
      const plan = planDepartmentImport(
        read.table,
        existing.map(({ department: d, parentCode }) => ({ ...d, parentCode })),
      );
      const rows = read.table.records.length;
      if (plan.errors.length > 0) return report(dryRun, rows, plan.errors);
      const counts = countKinds(plan.ops);
      if (dryRun) return report(true, rows, [], counts);

      await db.transaction(async (tx) => {
        const now = clock.now();
        const ids = new Map(existing.map(({ department: d }) => [d.code, d.id]));
        const events = [];
        for (const op of plan.ops) {
          if (op.kind === 'unchanged') continue;
          const { id } = await upsertDepartmentByCode({
            tx,
            values: {
              code: op.data.code,
              name: op.data.name,
              parentId: op.data.parentCode ? ids.get(op.data.parentCode)! : null,
              contact: op.data.contact,
              phone: op.data.phone,
              lookupAuthorised: op.data.lookupAuthorised,
              lookupAuthorisationReason: op.data.lookupAuthorisationReason,
              createdAt: now,
              updatedAt: now,
            },
          });
          ids.set(op.data.code, id);
          events.push({
            actor,
            action: op.kind === 'create' ? 'department.created' : 'department.updated',
            subject: { type: 'department', id },
            details: {
              code: op.data.code,
              lookupAuthorised: op.data.lookupAuthorised,
              via: 'import',
            },
          });
        }
        await audit.recordMany({ tx, events });
        await audit.record({
          tx,
          actor,
          action: 'import.departments',
          details: { rows, ...counts },
        });
      });
      return report(false, rows, [], counts, true);
    },

    async importUsers({
      actor,
      csv,
      dryRun,
    }: {
      actor: string;
      csv: string;
      dryRun: boolean;
    }): Promise<ImportReport> {
      const read = await tableOf(csv, dryRun);
      if ('failed' in read) return read.failed;
      const { user: actorRow } = await findUserById({ db, id: actor });
      const usernames = read.table.records.map((r) =>
        (r.values.username ?? '').trim().toLowerCase(),
      );
      const [{ users: existing }, { rows: departmentRows }] = await Promise.all([
        findUsersByUsernames({ db, usernames }),
        listDepartments({ db }),
      ]);
      const departments = new Map(
        departmentRows.map(({ department: d }) => [
          d.code,
          { id: d.id, authorised: d.lookupAuthorised },
        ]),
      );
      const plan = planUserImport(read.table, {
        existing,
        departments,
        actorUsername: actorRow?.username ?? '',
      });
      const rows = read.table.records.length;
      if (plan.errors.length > 0) return report(dryRun, rows, plan.errors);
      const counts = countKinds(plan.ops);
      if (dryRun) return report(true, rows, [], counts);

      await db.transaction(async (tx) => {
        const now = clock.now();
        const recertifyBy = addMonths(localDate(now, settings.timeZone), settings.recertifyMonths);
        const toCreate = plan.ops.filter((o) => o.kind === 'create');
        const { created } = await insertUsers({
          tx,
          rows: toCreate.map((o) => ({
            username: o.username,
            displayName: o.displayName,
            departmentId: departments.get(o.departmentCode)!.id,
            passwordHash: null,
            createdAt: now,
            updatedAt: now,
          })),
        });
        const idOf = new Map(created.map((c) => [c.username, c.id]));
        const grant = (userId: string, role: string) => ({
          userId,
          role,
          status: waits(role) ? 'pending' : 'active',
          grantedBy: actor,
          grantedAt: now,
          recertifyBy,
        });
        const waits = (role: string) => needsFourEyes(role as Role, settings);
        const grantDetails = (roles: Role[]) => ({
          ...(roles.some((r) => !waits(r)) ? { granted: roles.filter((r) => !waits(r)) } : {}),
          ...(roles.some(waits) ? { requested: roles.filter(waits) } : {}),
        });
        const grants = [];
        const events = [];
        for (const op of plan.ops) {
          if (op.kind === 'unchanged') continue;
          const id = op.existingId ?? idOf.get(op.username)!;
          if (op.kind === 'create') grants.push(grant(id, 'reporter'));
          else {
            await updateUserProfile({
              tx,
              id,
              displayName: op.displayName,
              departmentId: departments.get(op.departmentCode)!.id,
              at: now,
            });
            await deleteSessionsOfUser({ db: tx, userId: id });
          }
          grants.push(...op.addRoles.map((role) => grant(id, role)));
          events.push({
            actor,
            action: op.kind === 'create' ? 'user.created' : 'user.updated',
            subject: { type: 'user', id },
            details: {
              via: 'import',
              department: op.departmentCode,
              ...grantDetails(op.addRoles),
            },
          });
        }
        await insertGrants({ tx, rows: grants });
        await audit.recordMany({ tx, events });
        await audit.record({ tx, actor, action: 'import.users', details: { rows, ...counts } });
      });
      return report(false, rows, [], counts, true);
    },
  };
}
