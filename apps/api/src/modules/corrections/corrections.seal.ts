import type { DbOrTx } from '../../db/database.js';
import type { FieldCipher, SealedColumn } from '../encryption/field-cipher.js';
import { isSealed } from '../encryption/field-crypto.js';

type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * The texts inside a correction's old and new values that are stored encrypted, like the
 * columns they were taken from: an incident's narrative (`description`), the description of a
 * person involved (`persons.<n>`.description) and a person's `notes`. Each is bound to the
 * correction's id and its place in the change (`corrections.description.from`, …).
 */
async function mapSealed(
  changes: Changes,
  correctionId: string,
  map: (column: SealedColumn, value: string | null) => Promise<string | null>,
): Promise<Changes> {
  const out: Changes = {};
  for (const [field, change] of Object.entries(changes)) {
    const side = async (which: 'from' | 'to', value: unknown) => {
      if (field === 'description' || field === 'notes') {
        return typeof value === 'string' ? map(`corrections.${field}.${which}`, value) : value;
      }
      if (field.startsWith('persons.') && value && typeof value === 'object') {
        const reported = value as { description?: unknown };
        if (typeof reported.description !== 'string') return value;
        return {
          ...reported,
          description: await map(`corrections.${field}.description.${which}`, reported.description),
        };
      }
      return value;
    };
    out[field] = { from: await side('from', change.from), to: await side('to', change.to) };
  }
  return out;
}

/** The stored form: texts in plain text are sealed, those already sealed stay. */
export function sealChanges(
  db: DbOrTx,
  cipher: FieldCipher,
  correctionId: string,
  changes: Changes,
) {
  return mapSealed(changes, correctionId, (column, value) =>
    value !== null && isSealed(value)
      ? Promise.resolve(value)
      : cipher.seal(db, column, correctionId, value),
  );
}

export function openChanges(
  db: DbOrTx,
  cipher: FieldCipher,
  correctionId: string,
  changes: Changes,
) {
  return mapSealed(changes, correctionId, (column, value) =>
    cipher.open(db, column, correctionId, value),
  );
}

/** True when a text that is stored encrypted is still in plain text here (before encryption). */
export async function hasPlainText(changes: Changes): Promise<boolean> {
  let plain = false;
  await mapSealed(changes, '', (_column, value) => {
    if (value !== null && value !== '' && !isSealed(value)) plain = true;
    return Promise.resolve(value);
  });
  return plain;
}
