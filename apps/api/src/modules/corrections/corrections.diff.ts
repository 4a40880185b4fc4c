/**
 * Pure comparison of a record before and after a correction. Lists (aliases, addresses) count
 * as changed only when their content differs, not when only their order does.
 */

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** A stable text form of a value: object keys sorted, so `{a, b}` equals `{b, a}`. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Equal content; for lists regardless of order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return canonical(a.map(canonical).sort()) === canonical(b.map(canonical).sort());
  }
  return canonical(a) === canonical(b);
}

/**
 * `{ field: { from, to } }` for every field of `requested` (undefined: not asked to change)
 * whose value differs from `before`.
 */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  requested: Partial<T>,
): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(requested)) {
    if (to === undefined) continue;
    const from = before[field];
    if (!sameValue(from, to)) changes[field] = { from: from ?? null, to };
  }
  return changes;
}

/** The fields that were sent: `undefined` means "leave as it is", `null` empties a field. */
export function definedOnly<T extends object>(
  value: T,
): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
