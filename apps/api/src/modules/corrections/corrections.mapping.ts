import type { Correction } from '@zemag/contracts';
import type { DbOrTx } from '../../db/database.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { listCorrections } from './corrections.repository.js';
import { openChanges } from './corrections.seal.js';

/** The correction history of a person or an incident as the API shows it, newest first. */
export async function correctionHistory(
  db: DbOrTx,
  cipher: FieldCipher,
  subject: { personId: string } | { incidentId: string },
): Promise<Correction[]> {
  const { rows } = await listCorrections({ db, subject });
  return Promise.all(
    rows.map(async ({ correction, actorName }) => ({
      id: correction.id,
      at: correction.at.toISOString(),
      actor: { id: correction.actorId, displayName: actorName },
      reason: correction.reason,
      changes: (await openChanges(
        db,
        cipher,
        correction.id,
        correction.changes as Correction['changes'],
      )) as Correction['changes'],
    })),
  );
}
