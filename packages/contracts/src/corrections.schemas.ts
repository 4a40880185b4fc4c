import { z } from 'zod';
import {
  COMPLAINT_STATUSES,
  INCIDENT_CATEGORIES,
  INJURIES,
  IncidentPlace,
  PartialDate,
  PostalAddress,
} from './incidents.schemas.js';

/** The reason of a correction (Art. 16 GDPR): what was wrong and how it is known. */
export const CorrectionReason = z.string().trim().min(10).max(2000);

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));

/** An alias or a former name (e.g. a birth name). */
export const PersonNameInput = z.object({
  kind: z.enum(['alias', 'former']),
  familyName: z.string().trim().min(1).max(100),
  givenNames: nullableText(100).default(null),
});

/** An address with its validity; no `validTo` means it is current. */
export const PersonAddressInput = PostalAddress.extend({
  validFrom: z.iso.date().nullable().default(null),
  validTo: z.iso.date().nullable().default(null),
}).refine((a) => !a.validFrom || !a.validTo || a.validFrom <= a.validTo, {
  message: 'validTo must not be before validFrom',
  path: ['validTo'],
});

/**
 * A correction of a person record. Only the fields sent change; aliases/former names and
 * addresses replace the whole list. `expectedUpdatedAt` is the `updatedAt` the registrar saw:
 * if the record changed since, the correction is refused (409) instead of overwriting.
 */
export const PersonCorrectionRequest = z.object({
  reason: CorrectionReason,
  expectedUpdatedAt: z.iso.datetime(),
  changes: z.object({
    familyName: z.string().trim().min(1).max(100).optional(),
    givenNames: nullableText(100).optional(),
    dateOfBirth: PartialDate.nullable().optional(),
    names: z.array(PersonNameInput).max(30).optional(),
    addresses: z.array(PersonAddressInput).max(30).optional(),
  }),
});
export type PersonCorrectionRequest = z.input<typeof PersonCorrectionRequest>;

/**
 * The reported data of one person involved, by its id in the report. Like the rest of a
 * correction, only the fields sent change (`null` empties one); a family name or a description
 * must remain, as in a report.
 */
export const InvolvedPersonCorrection = z.object({
  id: z.uuid(),
  familyName: nullableText(100).optional(),
  givenNames: nullableText(100).optional(),
  dateOfBirth: PartialDate.nullable().optional(),
  address: PostalAddress.nullable().optional(),
  description: nullableText(1000).optional(),
});

/**
 * A correction of a report by a registrar (never of their own report). Only the fields sent
 * change. `expectedVersion` is the report's `version` the registrar saw (409 if it changed).
 */
export const IncidentCorrectionRequest = z.object({
  reason: CorrectionReason,
  expectedVersion: z.number().int().min(1),
  changes: z.object({
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    place: IncidentPlace.optional(),
    description: z.string().trim().max(10_000).optional(),
    categories: z
      .array(z.enum(INCIDENT_CATEGORIES))
      .min(1)
      .max(INCIDENT_CATEGORIES.length)
      .refine((c) => new Set(c).size === c.length, { message: 'categories must not repeat' })
      .optional(),
    level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    injuries: z.enum(INJURIES).optional(),
    policeInvolved: z.boolean().nullable().optional(),
    criminalComplaint: z
      .object({
        status: z.enum(COMPLAINT_STATUSES),
        fileNumber: nullableText(60).default(null),
      })
      .optional(),
    persons: z.array(InvolvedPersonCorrection).max(10).optional(),
  }),
});
export type IncidentCorrectionRequest = z.input<typeof IncidentCorrectionRequest>;
