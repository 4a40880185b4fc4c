import { z } from 'zod';
import { Correction } from './correction-history.schemas.js';

/**
 * Incident categories (DESIGN.md "Domain"). `insult` is reported at level 1 and never leads to
 * a listing; the others can.
 */
export const INCIDENT_CATEGORIES = [
  'threat',
  'coercion',
  'property_damage',
  'physical_violence',
  'weapon_or_tool',
  'insult',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** Aachener Modell: 0 heated talk · 1 verbal aggression · 2 violence, threat · 3 weapons, tools. */
export const AACHEN_LEVELS = [0, 1, 2, 3] as const;
export type AachenLevel = (typeof AACHEN_LEVELS)[number];

const CATEGORY_LEVEL: Readonly<Record<IncidentCategory, AachenLevel>> = {
  insult: 1,
  threat: 2,
  coercion: 2,
  property_damage: 2,
  physical_violence: 2,
  weapon_or_tool: 3,
};

/** The level the categories suggest (the reporter may change it): the highest of them. */
export function proposedLevel(categories: readonly IncidentCategory[]): AachenLevel {
  return categories.reduce<AachenLevel>(
    (level, category) => Math.max(level, CATEGORY_LEVEL[category]) as AachenLevel,
    0,
  );
}

export const INCIDENT_STATUSES = [
  'submitted',
  'in_review',
  'needs_info',
  'confirmed',
  'rejected',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INJURIES = ['none', 'minor', 'treated', 'unknown'] as const;
export const COMPLAINT_STATUSES = ['yes', 'no', 'planned', 'unknown'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** A date of birth as far as it is known: `1984-03-07`, `1984-03` or `1984`. */
export const PartialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().default(null);

export const PostalAddress = z.object({
  street: text(200).min(1),
  houseNumber: optionalText(20),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .nullable()
    .default(null),
  city: optionalText(100),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

/** Where it happened: an address, a description of the place, a phone position — or several. */
const PlaceFields = z.object({
  address: PostalAddress.nullable().default(null),
  description: optionalText(300),
  position: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      accuracyMeters: z.number().min(0).max(100_000).nullable().default(null),
    })
    .nullable()
    .default(null),
});

type PlaceValue = z.output<typeof PlaceFields>;
const hasPlace = (p: PlaceValue) =>
  p.address !== null || p.description !== null || p.position !== null;
const PLACE_REQUIRED = 'an address, a description of the place or a position is required';

/** A place of a complete report: at least one of address, description and position. */
export const IncidentPlace = PlaceFields.refine(hasPlace, {
  message: PLACE_REQUIRED,
  path: ['description'],
});
export type IncidentPlace = z.infer<typeof IncidentPlace>;

/** A person involved, as the reporter knows them: a name, or at least a description. */
export const InvolvedPersonInput = z
  .object({
    familyName: optionalText(100),
    givenNames: optionalText(100),
    dateOfBirth: PartialDate.nullable().default(null),
    address: PostalAddress.nullable().default(null),
    description: optionalText(1000),
  })
  .refine((p) => (p.familyName ?? '') !== '' || (p.description ?? '') !== '', {
    message: 'a family name or a description is required',
    path: ['familyName'],
  });
export type InvolvedPersonInput = z.infer<typeof InvolvedPersonInput>;

const Level = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

const Categories = z
  .array(z.enum(INCIDENT_CATEGORIES))
  .max(INCIDENT_CATEGORIES.length)
  .refine((c) => new Set(c).size === c.length, { message: 'categories must not repeat' });

/**
 * A report as the employee sends it. A quick report needs only time, place and a category; the
 * rest can be completed later. A one-tap report (`incomplete: true`) needs only the time (and
 * the phone's position, if any): it has no level (the registrar's review decides it) and the
 * reporter completes it later. Names are stored as typed and always rendered as text.
 */
export const IncidentReportInput = z
  .object({
    occurredAt: z.iso.datetime({ offset: true }),
    place: PlaceFields,
    categories: Categories.default([]),
    /** Null only in an incomplete report. */
    level: Level.nullable().default(null),
    description: text(10_000).default(''),
    injuries: z.enum(INJURIES).default('unknown'),
    policeInvolved: z.boolean().nullable().default(null),
    criminalComplaint: z
      .object({
        status: z.enum(COMPLAINT_STATUSES).default('unknown'),
        fileNumber: optionalText(60),
      })
      .default({ status: 'unknown', fileNumber: null }),
    persons: z.array(InvolvedPersonInput).max(10).default([]),
    /** Sent with the quick report: the reporter will complete it later. */
    quick: z.boolean().default(false),
    /** Sent with the one-tap report: no level yet, completed later by the reporter. */
    incomplete: z.boolean().default(false),
  })
  .superRefine((report, ctx) => {
    if (report.incomplete) {
      if (report.level !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['level'],
          input: report.level,
          message: 'an incomplete report has no level yet (the review decides it)',
        });
      }
      return;
    }
    // The same issues the fields gave when they were required on their own.
    if (!hasPlace(report.place)) {
      ctx.addIssue({
        code: 'custom',
        path: ['place', 'description'],
        input: report.place,
        message: PLACE_REQUIRED,
      });
    }
    if (report.categories.length === 0) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'array',
        minimum: 1,
        inclusive: true,
        path: ['categories'],
        input: report.categories,
        message: 'Too small: expected array to have >=1 items',
      });
    }
    if (report.level === null) {
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'number',
        path: ['level'],
        input: undefined,
        message: 'Invalid input: expected number, received undefined',
      });
    }
  });
export type IncidentReportInput = z.input<typeof IncidentReportInput>;
export type IncidentReport = z.output<typeof IncidentReportInput>;

export const InvolvedPerson = z.object({
  id: z.uuid(),
  familyName: z.string().nullable(),
  givenNames: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  address: PostalAddress.nullable(),
  description: z.string().nullable(),
  /** The register's person record, once a registrar linked it. Registrars only. */
  personId: z.uuid().nullable(),
});
export type InvolvedPerson = z.infer<typeof InvolvedPerson>;

export const INCIDENT_MESSAGE_KINDS = ['question', 'answer', 'decision'] as const;

/** A registrar's question, the reporter's answer, or the reason for a decision. */
export const IncidentMessage = z.object({
  id: z.uuid(),
  kind: z.enum(INCIDENT_MESSAGE_KINDS),
  body: z.string(),
  author: z.object({ id: z.uuid(), displayName: z.string() }),
  createdAt: z.iso.datetime(),
});
export type IncidentMessage = z.infer<typeof IncidentMessage>;

/** A stored report as its reporter or a registrar sees it. */
export const Incident = z.object({
  id: z.uuid(),
  /** Readable reference, e.g. `V-2026-00042`. */
  reference: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  occurredAt: z.iso.datetime(),
  place: z.object({
    address: PostalAddress.nullable(),
    description: z.string().nullable(),
    position: z
      .object({
        latitude: z.number(),
        longitude: z.number(),
        accuracyMeters: z.number().nullable(),
      })
      .nullable(),
  }),
  categories: z.array(z.enum(INCIDENT_CATEGORIES)),
  /** Null while the report is incomplete (a one-tap report): the review decides it. */
  level: z.number().int().min(0).max(3).nullable(),
  /** A one-tap report not yet completed: no level (and usually no category) yet. */
  incomplete: z.boolean(),
  description: z.string(),
  injuries: z.enum(INJURIES),
  policeInvolved: z.boolean().nullable(),
  criminalComplaint: z.object({
    status: z.enum(COMPLAINT_STATUSES),
    fileNumber: z.string().nullable(),
  }),
  persons: z.array(InvolvedPerson),
  quick: z.boolean(),
  reporter: z.object({
    id: z.uuid(),
    displayName: z.string(),
    department: z.string().nullable(),
  }),
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Increases with every change: send it back with a correction (optimistic concurrency). */
  version: z.number().int(),
  /** Corrections (Art. 16 GDPR) by registrars, newest first: registrars only. */
  corrections: z.array(Correction).optional(),
  messages: z.array(IncidentMessage),
  /** What the caller may do with it now (the server decides). */
  actions: z.array(
    z.enum(['amend', 'answer', 'start_review', 'confirm', 'reject', 'ask', 'link_persons']),
  ),
});
export type Incident = z.infer<typeof Incident>;

/** One line of a list of reports. */
export const IncidentSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  occurredAt: z.iso.datetime(),
  submittedAt: z.iso.datetime(),
  categories: z.array(z.enum(INCIDENT_CATEGORIES)),
  level: z.number().int().min(0).max(3).nullable(),
  incomplete: z.boolean(),
  quick: z.boolean(),
  reporter: z.string(),
  place: z.string().nullable(),
  /** An open question waits for the reporter. */
  openQuestion: z.boolean(),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const IncidentList = z.object({ incidents: z.array(IncidentSummary) });
export type IncidentList = z.infer<typeof IncidentList>;

/** The answer to a submission: what was stored (also when a retry got the stored answer). */
export const IncidentReceipt = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  submittedAt: z.iso.datetime(),
});
export type IncidentReceipt = z.infer<typeof IncidentReceipt>;

/** A registrar's decision. A rejection and a question need a text the reporter will read. */
export const ReviewDecision = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('confirm'),
    note: text(2000).default(''),
    /** The level the review decides; required when the report has none (one-tap report). */
    level: Level.optional(),
    /** The categories the review decides; required when the report has none. */
    categories: Categories.optional(),
  }),
  z.object({ decision: z.literal('reject'), reason: text(2000).min(3) }),
  z.object({ decision: z.literal('ask'), question: text(2000).min(3) }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** The reporter completes a quick report or answers a question: the whole report again. */
export const IncidentAmendment = z.object({
  report: IncidentReportInput,
  answer: text(2000).default(''),
});
export type IncidentAmendment = z.input<typeof IncidentAmendment>;

/** The header that makes a retried submission land once. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IdempotencyKey = z.uuid();
