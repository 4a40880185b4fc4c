import { randomUUID } from 'node:crypto';
import type { CurrentUser } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { sealChanges } from './corrections.seal.js';
import type { FieldChanges } from './corrections.diff.js';
import { insertCorrection } from './corrections.repository.js';

/** What every correction use case takes: its dependencies, who corrects what, and the request. */
export interface CorrectionArgs<Request> {
  db: Db;
  audit: AuditService;
  clock: Clock;
  cipher: FieldCipher;
  actor: Pick<CurrentUser, 'id' | 'abilities'>;
  id: string;
  request: Request;
}

/** 400 `correction.empty` when nothing is asked to change, or nothing differs after all. */
export function refuseNothingToChange(changes: object): void {
  if (Object.values(changes).every((v) => v === undefined)) {
    throw new AppError(400, 'correction.empty', { field: 'changes' });
  }
}

/**
 * Keeps a correction: old and new values in the corrections table, and an audit event that
 * names the changed fields only (never their values) — both in the caller's transaction.
 */
export async function recordCorrection({
  tx,
  audit,
  cipher,
  actorId,
  subject,
  reason,
  changes,
  at,
  details = {},
}: {
  tx: Tx;
  audit: AuditService;
  cipher: FieldCipher;
  actorId: string;
  subject: { type: 'person' | 'incident'; id: string };
  reason: string;
  changes: FieldChanges;
  at: Date;
  details?: Record<string, unknown>;
}): Promise<{ correctionId: string }> {
  const id = randomUUID();
  const { id: correctionId } = await insertCorrection({
    db: tx,
    row: {
      id,
      ...(subject.type === 'person' ? { personId: subject.id } : { incidentId: subject.id }),
      actorId,
      reason,
      changes: await sealChanges(tx, cipher, id, changes),
      at,
    },
  });
  await audit.record({
    tx,
    actor: actorId,
    action: `${subject.type}.corrected`,
    subject,
    details: { ...details, correctionId, fields: Object.keys(changes) },
  });
  return { correctionId };
}
