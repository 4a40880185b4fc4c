import type { Correction } from '@zemag/contracts';
import type { DbOrTx } from '../../db/database.js';
import { listCorrections } from './corrections.repository.js';

/** The correction history of a person or an incident as the API shows it, newest first. */
export async function correctionHistory(
  db: DbOrTx,
  subject: { personId: string } | { incidentId: string },
): Promise<Correction[]> {
  const { rows } = await listCorrections({ db, subject });
  return rows.map(({ correction, actorName }) => ({
    id: correction.id,
    at: correction.at.toISOString(),
    actor: { id: correction.actorId, displayName: actorName },
    reason: correction.reason,
    changes: correction.changes as Correction['changes'],
  }));
}
