import type { DbOrTx } from '../../db/database.js';
import type { FieldCipher } from './field-cipher.js';
import { resealColumns } from './sealed-columns.js';

/**
 * At every start, before the server answers: the first data key is made if there is none, the
 * keys are opened with the configured KEK (a wrong key stops the start with a DataKeyError
 * naming both keys), and values written before encryption existed are sealed (a database from
 * an earlier version, the demo; a few queries when there are none).
 */
export async function prepareFieldEncryption({ db, cipher }: { db: DbOrTx; cipher: FieldCipher }) {
  await cipher.prepare(db);
  return resealColumns({ db, cipher, mode: { kind: 'plaintext' } });
}
