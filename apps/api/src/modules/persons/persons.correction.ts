import type { Person } from '@zemag/contracts';
import type { PersonCorrectionRequest } from '@zemag/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import { definedOnly, diffFields } from '../corrections/corrections.diff.js';
import { correctionHistory } from '../corrections/corrections.mapping.js';
import {
  type CorrectionArgs,
  recordCorrection,
  refuseNothingToChange,
} from '../corrections/corrections.record.js';
import { refuseOwnReport } from '../incidents/incidents.policy.js';
import { listIncidentsOfPerson } from '../incidents/incidents.repository.js';
import { refreshSearchKeys } from '../lookup/lookup.service.js';
import { toPerson } from './persons.mapping.js';
import { replaceAddresses, replaceNames } from './persons.correction.repository.js';
import { findPersonForUpdate, findPersons, updatePerson } from './persons.repository.js';

type Correction = z.output<typeof PersonCorrectionRequest>;

/**
 * Corrects a person record (Art. 16 GDPR): only the fields sent, lists replaced whole. Refused
 * when nothing changes (400), when the record changed since the registrar read it (409), for a
 * record one's own report is linked to (403). Old and new values go into the corrections
 * table, the audit event names the changed fields only, the look-up keys follow — all in one
 * transaction.
 */
export async function correctPerson(args: CorrectionArgs<Correction>): Promise<Person> {
  const { db, audit, clock, cipher, actor, id, request } = args;
  refuseNothingToChange(request.changes);
  return db.transaction(async (tx) => {
    const { person } = await findPersonForUpdate({ db: tx, id });
    if (!person || person.mergedIntoId) {
      throw new AppError(404, 'person.not_found', { field: 'id' });
    }
    refuseOwnReport(actor, (await listIncidentsOfPerson({ db: tx, personId: id })).incidents);
    if (person.updatedAt.getTime() !== Date.parse(request.expectedUpdatedAt)) {
      throw new AppError(409, 'correction.stale', { field: 'expectedUpdatedAt' });
    }
    const current = toPerson((await findPersons({ db: tx, cipher, ids: [id] })).records[0]!);
    const before = {
      familyName: current.familyName,
      givenNames: current.givenNames,
      dateOfBirth: current.dateOfBirth,
      names: current.names,
      addresses: current.addresses,
    };
    const changes = diffFields(before, request.changes);
    refuseNothingToChange(changes);
    const now = clock.now();
    // Strictly later than before, so the concurrency check also works when the clock stands.
    const updatedAt = new Date(Math.max(now.getTime(), person.updatedAt.getTime() + 1));
    const after = { ...before, ...definedOnly(request.changes) };
    await updatePerson({
      db: tx,
      id,
      changes: {
        familyName: after.familyName,
        givenNames: after.givenNames,
        dateOfBirth: after.dateOfBirth,
        updatedAt,
      },
    });
    if (changes.names) await replaceNames({ db: tx, personId: id, names: after.names });
    if (changes.addresses) {
      await replaceAddresses({ db: tx, personId: id, addresses: after.addresses });
    }
    await refreshSearchKeys({ db: tx, personIds: [id] });
    await recordCorrection({
      tx,
      audit,
      cipher,
      actorId: actor.id,
      subject: { type: 'person', id },
      reason: request.reason,
      changes,
      at: now,
    });
    const { records } = await findPersons({ db: tx, cipher, ids: [id] });
    return {
      ...toPerson(records[0]!),
      corrections: await correctionHistory(tx, cipher, { personId: id }),
    };
  });
}
