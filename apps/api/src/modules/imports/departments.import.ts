import { DepartmentCode, type ImportError, TelephoneNumber } from '@zemag/contracts';
import type { CsvTable } from './imports.csv.js';
import { readFlag } from './imports.csv.js';
import { importError } from './imports.messages.js';

export interface DepartmentData {
  code: string;
  name: string;
  parentCode: string | null;
  contact: string | null;
  phone: string | null;
  lookupAuthorised: boolean;
  lookupAuthorisationReason: string | null;
}

export type DepartmentOp = {
  row: number;
  kind: 'create' | 'update' | 'unchanged';
  data: DepartmentData;
};

const REQUIRED = ['code', 'name'];

function same(a: DepartmentData, b: DepartmentData) {
  return (
    a.name === b.name &&
    a.parentCode === b.parentCode &&
    a.contact === b.contact &&
    a.phone === b.phone &&
    a.lookupAuthorised === b.lookupAuthorised &&
    a.lookupAuthorisationReason === b.lookupAuthorisationReason
  );
}

/**
 * Checks a departments CSV against what ZeMAG holds and plans the changes: parents before
 * their children, existing codes updated, nothing applied if any row has an error.
 * Columns: code; name; parent_code; contact; phone; lookup_authorised; lookup_reason. `phone`
 * is required for a new department; left empty, a known department keeps its number (or none).
 */
export function planDepartmentImport(table: CsvTable, existing: readonly DepartmentData[]) {
  const errors: ImportError[] = [];
  for (const column of REQUIRED) {
    if (!table.columns.includes(column)) errors.push(importError(0, column, 'column.missing'));
  }
  if (errors.length > 0) return { errors, ops: [] as DepartmentOp[] };

  const byCode = new Map(existing.map((d) => [d.code, d]));
  const seen = new Map<string, number>();
  const rows: { row: number; data: DepartmentData }[] = [];
  for (const { row, values } of table.records) {
    const code = values.code ?? '';
    const name = values.name ?? '';
    const parent = values.parent_code ?? '';
    const flag = readFlag(values.lookup_authorised ?? '');
    const reason = (values.lookup_reason ?? '').trim();
    const phoneText = (values.phone ?? '').trim();
    const phone = phoneText ? TelephoneNumber.safeParse(phoneText) : null;
    const before = errors.length;
    if (!code) errors.push(importError(row, 'code', 'value.required'));
    else if (!DepartmentCode.safeParse(code).success)
      errors.push(importError(row, 'code', 'value.invalid'));
    else if (seen.has(code)) errors.push(importError(row, 'code', 'value.duplicate'));
    if (!name) errors.push(importError(row, 'name', 'value.required'));
    else if (name.length > 200) errors.push(importError(row, 'name', 'value.invalid'));
    if (parent && !DepartmentCode.safeParse(parent).success)
      errors.push(importError(row, 'parent_code', 'value.invalid'));
    if (phone && !phone.success) errors.push(importError(row, 'phone', 'value.invalid'));
    else if (!phone && !byCode.has(code)) errors.push(importError(row, 'phone', 'value.required'));
    if (flag === null) errors.push(importError(row, 'lookup_authorised', 'flag.invalid'));
    if (flag === true && reason.length < 10)
      errors.push(importError(row, 'lookup_reason', 'reason.required'));
    seen.set(code, row);
    if (errors.length === before) {
      rows.push({
        row,
        data: {
          code,
          name,
          parentCode: parent || null,
          contact:
            Array.from(values.contact ?? '')
              .slice(0, 500)
              .join('') || null,
          phone: phone?.success ? phone.data : (byCode.get(code)?.phone ?? null),
          lookupAuthorised: flag === true,
          lookupAuthorisationReason: flag === true ? reason : null,
        },
      });
    }
  }

  // Parents must exist after the import, and the hierarchy must stay a tree.
  const parentOf = new Map<string, string | null>(existing.map((d) => [d.code, d.parentCode]));
  for (const { data } of rows) parentOf.set(data.code, data.parentCode);
  for (const { row, data } of rows) {
    if (data.parentCode === null) continue;
    if (!parentOf.has(data.parentCode)) {
      errors.push(importError(row, 'parent_code', 'department.unknown'));
      continue;
    }
    const visited = new Set<string>([data.code]);
    for (let p: string | null | undefined = data.parentCode; p; p = parentOf.get(p)) {
      if (visited.has(p)) {
        errors.push(importError(row, 'parent_code', 'department.parent_cycle'));
        break;
      }
      visited.add(p);
    }
  }
  if (errors.length > 0) return { errors, ops: [] as DepartmentOp[] };

  // Order: a department after its parent (depth in the final tree).
  const depth = (code: string): number => {
    let d = 0;
    for (let p = parentOf.get(code); p; p = parentOf.get(p)) d += 1;
    return d;
  };
  const ops: DepartmentOp[] = rows
    .map(({ row, data }) => {
      const old = byCode.get(data.code);
      return {
        row,
        kind: !old ? 'create' : same(old, data) ? 'unchanged' : 'update',
        data,
      } as DepartmentOp;
    })
    .sort((a, b) => depth(a.data.code) - depth(b.data.code));
  return { errors, ops };
}
