import { z } from 'zod';
import { DepartmentCode } from './organisation.schemas.js';

/**
 * The data protection officer's filter over the audit log (`POST /api/v1/audit/events/search`): every
 * part optional, combined with AND. `person`: events about the person, or look-ups that showed
 * them. `before`: the `seq` of the last event of the previous page (newest first).
 */
export const AuditEventQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  user: z.uuid().optional(),
  department: DepartmentCode.optional(),
  /** An action (`register.lookup`) or a family of them (`register.`). */
  action: z
    .string()
    .trim()
    .max(60)
    .regex(
      /^[a-z_]+(\.[a-z_]*)*$/,
      'an action such as register.lookup, or a prefix such as register.',
    )
    .optional(),
  person: z.uuid().optional(),
  /** Part of the stated purpose: a file number or the reason. */
  purpose: z.string().trim().min(1).max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

/** One audit event as the DPO sees it: who, when, what, about whom, why. */
export const AuditEventView = z.object({
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z
    .object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      department: z.object({ code: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }).nullable(),
  /** The purpose as stated (reason and file number of a look-up). */
  purpose: z.string().nullable(),
  fileNumber: z.string().nullable(),
  /** How many persons a look-up showed (null: not a look-up). */
  personsShown: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventPage = z.object({
  events: z.array(AuditEventView),
  /** `before` for the next (older) page; null when this was the last. */
  next: z.number().int().nullable(),
});
export type AuditEventPage = z.infer<typeof AuditEventPage>;

/** The CSV export's columns, in order (German headers in the file). */
export const AUDIT_CSV_COLUMNS = [
  ['seq', 'Nr.'],
  ['occurredAt', 'Zeitpunkt'],
  ['username', 'Benutzer'],
  ['displayName', 'Name'],
  ['department', 'Dienststelle'],
  ['action', 'Aktion'],
  ['subjectType', 'Gegenstand'],
  ['subjectId', 'Gegenstand-ID'],
  ['purpose', 'Zweck'],
  ['fileNumber', 'Aktenzeichen'],
  ['personsShown', 'Angezeigte Personen'],
] as const;
