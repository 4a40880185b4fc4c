import { z } from 'zod';

/** The rights a data subject may invoke (Art. 15–18, 21 GDPR). */
export const SUBJECT_REQUEST_KINDS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
] as const;
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number];

export const SUBJECT_REQUEST_DECISIONS = ['granted', 'partly_granted', 'refused'] as const;
export type SubjectRequestDecision = (typeof SUBJECT_REQUEST_DECISIONS)[number];

const text = z.string().trim().min(1).max(2000);

/** A data-subject request as the API shows it: dates, deadline flags, answer; never the staff. */
export const SubjectRequest = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.enum(SUBJECT_REQUEST_KINDS),
  personId: z.string().nullable(),
  person: z
    .object({
      familyName: z.string(),
      givenNames: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
    })
    .nullable(),
  receivedOn: z.string(),
  identityCheck: z.string(),
  dueOn: z.string(),
  extendedDueOn: z.string().nullable(),
  extensionReason: z.string().nullable(),
  effectiveDueOn: z.string(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  /** A restriction is to be decided by the request's (effective) due date. */
  decideBy: z.string().nullable(),
  status: z.enum(['open', 'answered']),
  decision: z.enum(SUBJECT_REQUEST_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  answeredOn: z.string().nullable(),
  erasureProposed: z.boolean(),
  erasureProposedAt: z.string().nullable(),
  listing: z.object({ id: z.string(), status: z.string(), restricted: z.boolean() }).nullable(),
});
export type SubjectRequest = z.infer<typeof SubjectRequest>;

export const SubjectRequestList = z.object({ requests: z.array(SubjectRequest) });

export const SubjectRequestInput = z.object({
  personId: z.uuid(),
  kind: z.enum(SUBJECT_REQUEST_KINDS),
  receivedOn: z.iso.date(),
  identityCheck: text,
});
export type SubjectRequestInput = z.infer<typeof SubjectRequestInput>;

export const SubjectRequestExtension = z.object({ extendedDueOn: z.iso.date(), reason: text });
export type SubjectRequestExtension = z.infer<typeof SubjectRequestExtension>;

export const SubjectRequestAnswer = z.object({
  decision: z.enum(SUBJECT_REQUEST_DECISIONS),
  reason: text,
  answeredOn: z.iso.date(),
});
export type SubjectRequestAnswer = z.infer<typeof SubjectRequestAnswer>;

export const SubjectRequestStatusQuery = z.object({
  status: z.enum(['open', 'answered', 'all']).default('open'),
});
