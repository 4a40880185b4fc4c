import { z } from 'zod';
import { LocalizedText } from './errors.js';

/** The anomaly rules (README of apps/api/src/modules/anomalies). */
export const AnomalyRuleCode = z.enum([
  'burst',
  'off_hours',
  'file_number_form',
  'file_number_repeat',
  'own_name',
  'no_match',
]);
export type AnomalyRuleCode = z.infer<typeof AnomalyRuleCode>;

/** A rule as configured: its name, a plain explanation with the limits in effect, on or off. */
export const AnomalyRuleView = z.object({
  code: AnomalyRuleCode,
  name: LocalizedText,
  explanation: LocalizedText,
  enabled: z.boolean(),
});
export type AnomalyRuleView = z.infer<typeof AnomalyRuleView>;

export const AnomalyRuleList = z.object({
  rules: z.array(AnomalyRuleView),
  /** How often new audit events are checked, in minutes. */
  scanMinutes: z.number().int(),
});
export type AnomalyRuleList = z.infer<typeof AnomalyRuleList>;

/** `POST /api/v1/audit/findings/search`: open ones first by default, newest first. */
export const FindingQuery = z.object({
  status: z.enum(['open', 'reviewed', 'all']).default('open'),
  /** `next` of the previous page. */
  before: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/, 'the next value of the previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type FindingQuery = z.infer<typeof FindingQuery>;

export const FindingView = z.object({
  id: z.uuid(),
  rule: AnomalyRuleCode,
  /** The employee whose look-ups the finding is about. */
  user: z.object({
    id: z.uuid(),
    username: z.string().nullable(),
    displayName: z.string().nullable(),
    department: z.object({ code: z.string(), name: z.string() }).nullable(),
  }),
  windowStart: z.iso.datetime(),
  windowEnd: z.iso.datetime(),
  /** The audit events (`seq`) it rests on; open them in the audit views. */
  eventSeqs: z.array(z.number().int()),
  /** Counts, limits, the file number: what the rule saw. */
  facts: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The rule's finding in one sentence. */
  summary: LocalizedText,
  detectedAt: z.iso.datetime(),
  status: z.enum(['open', 'reviewed']),
  review: z
    .object({
      by: z.object({ id: z.uuid(), displayName: z.string().nullable() }),
      at: z.iso.datetime(),
      note: z.string(),
    })
    .nullable(),
});
export type FindingView = z.infer<typeof FindingView>;

export const FindingPage = z.object({
  findings: z.array(FindingView),
  /** Open findings in all (the DPO's to-do count). */
  openCount: z.number().int(),
  next: z.string().nullable(),
});
export type FindingPage = z.infer<typeof FindingPage>;

/** Marking a finding reviewed: what was checked and found (kept, audited). */
export const FindingReview = z.object({
  note: z.string().trim().min(3, 'a note of what you checked (3 characters or more)').max(2000),
});
export type FindingReview = z.infer<typeof FindingReview>;
