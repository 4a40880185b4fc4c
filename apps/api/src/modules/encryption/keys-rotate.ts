import type { Db } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import {
  activateDataKey,
  deleteDataKey,
  insertDataKey,
  listDataKeys,
  lockDataKeys,
  rewrapDataKey,
} from './data-keys.repository.js';
import { createFieldCipher } from './field-cipher.js';
import { DataKeyError, kekIdOf, newDataKey, unwrapDataKey, wrapDataKey } from './field-crypto.js';
import { countUsesOfKey, resealColumns } from './sealed-columns.js';

export interface RotationSummary {
  /** The new key-encryption key (its hash), to be configured as ZEMAG_DATA_KEY_FILE. */
  kek: string;
  /** Data keys wrapped again under the new key-encryption key. */
  rewrapped: number;
  /** The data key made by this run, or null when an earlier, interrupted run made it. */
  new_data_key: number | null;
  /** Values re-encrypted under the active data key. */
  resealed: number;
  /** Old data keys dropped because no value uses them any more. */
  retired: number[];
}

/**
 * `zemag keys rotate` (README "Encryption at rest"):
 * 1. one transaction: every data key is wrapped again under the new KEK and a new data key
 *    becomes the active one — all or nothing; from its commit on, only the new KEK opens the
 *    keys (the old one no longer does);
 * 2. every encrypted value is sealed again under the new data key, one batch per transaction
 *    (a run stopped here leaves every value readable: the old data keys stay until step 3);
 * 3. old data keys that no value names any more are dropped.
 * Idempotent: run again with the same new key after an interruption, it continues where it
 * stopped (the data keys already under the new KEK are kept, no second data key is made).
 */
export async function rotateDataKeys({
  db,
  audit,
  oldKek,
  newKek,
  now,
  batchSize,
  afterKeys,
}: {
  db: Db;
  audit: AuditService;
  oldKek: Buffer;
  newKek: Buffer;
  now: () => Date;
  batchSize?: number;
  /** Test hook: called after step 1 committed. */
  afterKeys?: () => Promise<void>;
}): Promise<RotationSummary> {
  const oldId = kekIdOf(oldKek);
  const newId = kekIdOf(newKek);
  const step1 = await db.transaction(async (tx) => {
    await lockDataKeys({ db: tx });
    const { keys } = await listDataKeys({ db: tx });
    let rewrapped = 0;
    for (const key of keys) {
      if (key.kekId === newId) {
        unwrapDataKey(newKek, key.id, key.wrappedKey); // proves the file holds that key
        continue;
      }
      if (key.kekId !== oldId) {
        throw new DataKeyError(
          `Der Datenschlüssel ${key.id} ist mit dem Schlüssel ${key.kekId} verschlüsselt: weder ZEMAG_DATA_KEY_FILE (${oldId}) noch --new-key-file (${newId}) enthält ihn. Nichts wurde geändert.`,
          `Data key ${key.id} is wrapped by key ${key.kekId}: neither ZEMAG_DATA_KEY_FILE (${oldId}) nor --new-key-file (${newId}) holds it. Nothing was changed.`,
        );
      }
      const dek = unwrapDataKey(oldKek, key.id, key.wrappedKey);
      await rewrapDataKey({
        db: tx,
        id: key.id,
        wrappedKey: wrapDataKey(newKek, key.id, dek),
        kekId: newId,
      });
      rewrapped += 1;
    }
    const active = keys.find((k) => k.active);
    // A new data key, unless an earlier run of this rotation made it (the active key was
    // already under the new KEK) or the new KEK is the configured one (nothing to rotate).
    const makeKey = !active || (active.kekId !== newId && oldId !== newId);
    const made = makeKey ? Math.max(0, ...keys.map((k) => k.id)) + 1 : null;
    if (made !== null) {
      await insertDataKey({
        db: tx,
        row: {
          id: made,
          wrappedKey: wrapDataKey(newKek, made, newDataKey()),
          kekId: newId,
          active: false,
          createdAt: now(),
        },
      });
      await activateDataKey({ db: tx, id: made });
    }
    await audit.record({
      tx,
      actor: null,
      action: 'data_keys.rotated',
      details: { kek: newId, previousKek: oldId, rewrapped, newDataKey: made },
    });
    return { rewrapped, made };
  });
  await afterKeys?.();
  const cipher = createFieldCipher({ kek: newKek, now });
  await cipher.prepare(db);
  const { keys } = await listDataKeys({ db });
  const activeId = keys.find((k) => k.active)!.id;
  const { sealed } = await resealColumns({
    db,
    cipher,
    mode: { kind: 'rekey', keyId: activeId },
    ...(batchSize ? { batchSize } : {}),
  });
  const retired: number[] = [];
  for (const key of keys.filter((k) => !k.active)) {
    const dropped = await db.transaction(async (tx) => {
      await lockDataKeys({ db: tx });
      if ((await countUsesOfKey({ db: tx, keyId: key.id })) > 0) return false;
      await deleteDataKey({ db: tx, id: key.id });
      return true;
    });
    if (dropped) retired.push(key.id);
  }
  return {
    kek: newId,
    rewrapped: step1.rewrapped,
    new_data_key: step1.made,
    resealed: sealed,
    retired,
  };
}
