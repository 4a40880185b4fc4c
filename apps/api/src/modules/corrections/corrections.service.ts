import type {
  CurrentUser,
  IncidentCorrectionRequest,
  PersonCorrectionRequest,
} from '@zemag/contracts';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { correctIncident } from '../incidents/incidents.correction.js';
import { correctPerson } from '../persons/persons.correction.js';

export type CorrectionsService = ReturnType<typeof createCorrectionsService>;
type Actor = Pick<CurrentUser, 'id' | 'abilities'>;

/** Corrections (Art. 16 GDPR) of person records and reports by registrars. */
export function createCorrectionsService(deps: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  cipher: FieldCipher;
}) {
  return {
    person: (args: {
      actor: Actor;
      id: string;
      request: z.output<typeof PersonCorrectionRequest>;
    }) => correctPerson({ ...deps, ...args }),
    incident: (args: {
      actor: Actor;
      id: string;
      request: z.output<typeof IncidentCorrectionRequest>;
    }) => correctIncident({ ...deps, ...args }),
  };
}
