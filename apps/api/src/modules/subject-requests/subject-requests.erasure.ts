import type { CurrentUser } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { updateSubjectRequest, type SubjectRequestRow } from './subject-requests.repository.js';
import type { ErasePerson } from './subject-requests.service.js';

type Actor = Pick<CurrentUser, 'id'>;

/**
 * Erasure requests (Art. 17 GDPR), four-eyes: one registrar proposes, another confirms, and the
 * confirmation erases the person (`erasePerson`) in the same transaction; the request row stays
 * (its `personId` becomes null). The deletion ledger is written after the commit.
 */
export function erasureSteps<View>(deps: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  erase?: ErasePerson | undefined;
  afterErasure?: (() => Promise<unknown>) | undefined;
  today(): string;
  step(tx: Tx, actor: Actor, action: string, id: string, details?: object): Promise<void>;
  present(tx: Tx, id: string): Promise<View>;
  lockOpen(tx: Tx, id: string): Promise<SubjectRequestRow>;
}) {
  const { db, audit, clock, erase, afterErasure, today, step, present, lockOpen } = deps;
  return {
    async proposeErasure({ actor, id }: { actor: Actor; id: string }) {
      return db.transaction(async (tx) => {
        const request = await lockOpen(tx, id);
        if (request.kind !== 'erasure') throw new AppError(409, 'subject_request.not_erasure');
        if (!request.personId) throw new AppError(409, 'subject_request.person_erased');
        if (request.erasureProposedBy) {
          throw new AppError(409, 'subject_request.erasure_already_proposed');
        }
        const now = clock.now();
        await updateSubjectRequest({
          db: tx,
          id,
          changes: { erasureProposedBy: actor.id, erasureProposedAt: now, updatedAt: now },
        });
        await step(tx, actor, 'erasure_propose', id, { personId: request.personId });
        return present(tx, id);
      });
    },

    /** Four-eyes: another registrar carries the erasure out; the request row stays. */
    async confirmErasure({ actor, id }: { actor: Actor; id: string }) {
      const done = await db.transaction(async (tx) => {
        const request = await lockOpen(tx, id);
        if (request.kind !== 'erasure') throw new AppError(409, 'subject_request.not_erasure');
        if (!request.erasureProposedBy) {
          throw new AppError(409, 'subject_request.erasure_not_proposed');
        }
        if (request.erasureProposedBy === actor.id) {
          throw new AppError(403, 'subject_request.same_registrar');
        }
        if (!request.personId) throw new AppError(409, 'subject_request.person_erased');
        if (!erase) throw new AppError(409, 'subject_request.erasure_unavailable');
        const now = clock.now();
        const personId = request.personId;
        const { counts } = await erase({
          tx,
          audit,
          actorId: actor.id,
          rule: 'request.erasure',
          at: now,
          personId,
        });
        await updateSubjectRequest({
          db: tx,
          id,
          changes: {
            status: 'answered',
            decision: 'granted',
            decisionReason: 'Gelöscht nach Art. 17 DSGVO',
            answeredOn: today(),
            decidedBy: actor.id,
            updatedAt: now,
          },
        });
        await step(tx, actor, 'erasure_confirm', id, { personId, counts });
        return present(tx, id);
      });
      await afterErasure?.();
      return done;
    },
  };
}
