import type { DbOrTx } from '../../db/database.js';
import {
  insertDataKey,
  listDataKeys,
  lockDataKeys,
  type DataKeyRow,
} from './data-keys.repository.js';
import {
  DataKeyError,
  fieldAad,
  kekIdOf,
  newDataKey,
  openText,
  sealText,
  unwrapDataKey,
  wrapDataKey,
} from './field-crypto.js';

/**
 * The columns whose values are stored encrypted (README "Encryption at rest"). The name is
 * part of each value's associated data, so it must never change for a column.
 */
export type SealedColumn =
  | 'incidents.description'
  | 'incident_persons.description'
  | 'persons.notes'
  | `corrections.${string}`;

export interface FieldCipher {
  /** Which key-encryption key this process holds (a hash). */
  readonly kekId: string;
  /** Makes the first data key if there is none (own transaction), then loads the keys. */
  prepare(db: DbOrTx): Promise<void>;
  /** The stored form of a value; the empty string and null stay as they are. */
  seal<T extends string | null>(
    db: DbOrTx,
    column: SealedColumn,
    rowId: string,
    text: T,
  ): Promise<T>;
  /** The plain text of a stored value (plain text written before encryption passes through). */
  open<T extends string | null>(
    db: DbOrTx,
    column: SealedColumn,
    rowId: string,
    stored: T,
  ): Promise<T>;
}

/** Opens every data key with the KEK; a key wrapped by another KEK names both. */
export function unwrapAll(kek: Buffer, keys: DataKeyRow[]): Map<number, Buffer> {
  const kekId = kekIdOf(kek);
  const opened = new Map<number, Buffer>();
  for (const row of keys) {
    if (row.kekId !== kekId) {
      throw new DataKeyError(
        `Der Datenschlüssel ${row.id} ist mit dem Schlüssel ${row.kekId} verschlüsselt, ZEMAG_DATA_KEY_FILE enthält den Schlüssel ${kekId} (nach \`keys rotate\` den neuen Schlüssel eintragen).`,
        `Data key ${row.id} is wrapped by key ${row.kekId}, but ZEMAG_DATA_KEY_FILE holds key ${kekId} (after \`keys rotate\`, configure the new key).`,
      );
    }
    opened.set(row.id, unwrapDataKey(kek, row.id, row.wrappedKey));
  }
  return opened;
}

/**
 * The field encryption of one process: the KEK from the configuration and the data keys,
 * loaded from `data_keys` on first use (and again when a value names a key made since, by
 * `keys rotate` on a running PostgreSQL server).
 */
export function createFieldCipher({
  kek,
  now = () => new Date(),
}: {
  kek: Buffer;
  now?: () => Date;
}): FieldCipher {
  const kekId = kekIdOf(kek);
  let keys: Map<number, Buffer> | null = null;
  let activeId: number | null = null;

  async function load(db: DbOrTx) {
    const { keys: rows } = await listDataKeys({ db });
    keys = unwrapAll(kek, rows);
    activeId = rows.find((r) => r.active)?.id ?? null;
  }

  async function prepare(db: DbOrTx) {
    await db.transaction(async (tx) => {
      await lockDataKeys({ db: tx });
      const { keys: rows } = await listDataKeys({ db: tx });
      if (rows.length > 0) return;
      const id = 1;
      await insertDataKey({
        db: tx,
        row: {
          id,
          wrappedKey: wrapDataKey(kek, id, newDataKey()),
          kekId,
          active: true,
          createdAt: now(),
        },
      });
    });
    await load(db);
  }

  return {
    kekId,
    prepare,
    async seal(db, column, rowId, text) {
      if (text === null || text === '') return text;
      if (!keys || activeId === null) await load(db);
      if (activeId === null) {
        // Not prepared in this process (a test's own services): make the key, and read it from
        // the database again next time, in case the caller's transaction is rolled back.
        await prepare(db);
        keys = null;
      }
      const active = activeId!;
      const dek = (await keyOf(db, active))!;
      return sealText(dek, active, text, fieldAad(column, rowId)) as typeof text;
    },
    async open(db, column, rowId, stored) {
      if (stored === null || stored === '') return stored;
      const aad = fieldAad(column, rowId);
      try {
        return openText((id) => keys?.get(id), stored, aad) as typeof stored;
      } catch (error) {
        if (!(error instanceof DataKeyError)) throw error;
        // a key made since this process loaded them (rotation): load again, once
        await load(db);
        return openText((id) => keys?.get(id), stored, aad) as typeof stored;
      }
    },
  };

  async function keyOf(db: DbOrTx, id: number) {
    if (!keys?.has(id)) await load(db);
    return keys?.get(id);
  }
}
