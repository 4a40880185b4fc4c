import { z } from 'zod';
import { Correction } from './correction-history.schemas.js';
import { INCIDENT_CATEGORIES, PartialDate, PostalAddress } from './incidents.schemas.js';

/**
 * The default precaution catalogue (German defaults of the brief). A city may configure its own;
 * the codes are what is stored, the texts what staff read.
 */
export const DEFAULT_PRECAUTIONS = [
  { code: 'pairs_only', de: 'Nur zu zweit', en: 'Visit only in pairs' },
  { code: 'police_escort', de: 'Polizeibegleitung anfordern', en: 'Request a police escort' },
  {
    code: 'no_home_visit',
    de: 'Kein Hausbesuch – Vorladung ins Amt',
    en: 'No home visit – invite to the office',
  },
  {
    code: 'alarm_before_entry',
    de: 'Alarm vor Betreten aktivieren',
    en: 'Arm the alarm before entering',
  },
  { code: 'dog_known', de: 'Hund bekannt', en: 'Dog known' },
  { code: 'weapon_known', de: 'Waffe bekannt', en: 'Weapon known' },
] as const;

export const Precaution = z.object({ code: z.string(), de: z.string(), en: z.string() });
export type Precaution = z.infer<typeof Precaution>;

/** A person record as a registrar sees it. */
export const Person = z.object({
  id: z.uuid(),
  familyName: z.string(),
  givenNames: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  notes: z.string().nullable(),
  names: z.array(
    z.object({
      kind: z.enum(['alias', 'former']),
      familyName: z.string(),
      givenNames: z.string().nullable(),
    }),
  ),
  addresses: z.array(
    PostalAddress.extend({ validFrom: z.string().nullable(), validTo: z.string().nullable() }),
  ),
  /** Set when this record was merged into another one. */
  mergedIntoId: z.uuid().nullable(),
  /** When the record last changed: send it back with a correction (optimistic concurrency). */
  updatedAt: z.iso.datetime(),
  /** Corrections (Art. 16 GDPR), newest first: in the answer for one person only. */
  corrections: z.array(Correction).optional(),
});
export type Person = z.infer<typeof Person>;

export const PersonInput = z.object({
  familyName: z.string().trim().min(1).max(100),
  givenNames: z.string().trim().max(100).nullable().default(null),
  dateOfBirth: PartialDate.nullable().default(null),
  notes: z.string().trim().max(2000).nullable().default(null),
  address: PostalAddress.nullable().default(null),
});
export type PersonInput = z.input<typeof PersonInput>;

/** A person record that may be the same as the one reported, with why it was suggested. */
export const PersonCandidate = z.object({
  person: Person,
  reasons: z.array(z.enum(['family_name', 'similar_family_name', 'given_names', 'date_of_birth'])),
});
export type PersonCandidate = z.infer<typeof PersonCandidate>;

/** Link a reported person to an existing record, or create a record from the report. */
export const LinkPersonRequest = z.union([
  z.object({ personId: z.uuid() }),
  z.object({ create: PersonInput }),
]);
export type LinkPersonRequest = z.input<typeof LinkPersonRequest>;

export const MergePersonsRequest = z.object({
  /** The record that is merged into the one in the path and then only points to it. */
  mergeId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
});

export const LISTING_STATUSES = ['proposed', 'active', 'expired', 'ended', 'declined'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const NOTIFICATION_STATES = ['pending', 'sent', 'held_back'] as const;

/** What a registrar may do with a listing (each refused unless listed in `actions`). */
export const LISTING_ACTIONS = [
  'activate',
  'letter',
  'record_notification',
  'decline',
  'end',
  'extend',
  'confirm_extension',
  'withdraw_extension',
  'restrict',
  'lift_restriction',
] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

export const ListingProposal = z.object({
  personId: z.uuid(),
  incidentIds: z.array(z.uuid()).min(1).max(50),
  /** Defaults to the highest level of the confirmed incidents. */
  level: z.union([z.literal(2), z.literal(3)]).optional(),
  /** Defaults to the categories of the incidents. */
  categories: z.array(z.enum(INCIDENT_CATEGORIES)).min(1).optional(),
  precautions: z.array(z.string().max(40)).max(20).default([]),
  precautionsText: z.string().trim().max(2000).nullable().default(null),
  /** Defaults to the configured months after the latest incident. */
  validUntil: z.iso.date().optional(),
  reason: z.string().trim().min(3).max(2000),
});
export type ListingProposal = z.input<typeof ListingProposal>;

export const Listing = z.object({
  id: z.uuid(),
  person: z.object({
    id: z.uuid(),
    familyName: z.string(),
    givenNames: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
  }),
  status: z.enum(LISTING_STATUSES),
  restricted: z.boolean(),
  level: z.number().int(),
  categories: z.array(z.enum(INCIDENT_CATEGORIES)),
  precautions: z.array(Precaution),
  precautionsText: z.string().nullable(),
  validUntil: z.iso.date(),
  incidents: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      occurredAt: z.iso.datetime(),
      level: z.number().int(),
      categories: z.array(z.enum(INCIDENT_CATEGORIES)),
    }),
  ),
  proposedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  proposedAt: z.iso.datetime(),
  activatedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  activatedAt: z.iso.datetime().nullable(),
  /** When the listing became expired, ended or declined. */
  closedAt: z.iso.datetime().nullable(),
  /** While restricted (a dispute, Art. 18 GDPR): the date by which it is to be decided. */
  restrictedUntil: z.iso.date().nullable(),
  /** Restricted and the decide-by date has passed (today in the city's time zone). */
  restrictionOverdue: z.boolean(),
  /** An extension proposed by one registrar, waiting for a second one. */
  extension: z
    .object({
      validUntil: z.iso.date(),
      reason: z.string(),
      proposedBy: z.object({ id: z.uuid(), displayName: z.string() }),
      proposedAt: z.iso.datetime(),
    })
    .nullable(),
  notification: z.object({
    state: z.enum(NOTIFICATION_STATES),
    sentOn: z.iso.date().nullable(),
    holdReason: z.string().nullable(),
    reviewOn: z.iso.date().nullable(),
  }),
  history: z.array(
    z.object({
      action: z.string(),
      /** Null for the system (the expiry job). */
      actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
      reason: z.string().nullable(),
      changes: z.record(z.string(), z.unknown()),
      at: z.iso.datetime(),
    }),
  ),
  actions: z.array(z.enum(LISTING_ACTIONS)),
});
export type Listing = z.infer<typeof Listing>;

export const ListingSummary = Listing.pick({
  id: true,
  person: true,
  status: true,
  restricted: true,
  level: true,
  validUntil: true,
  proposedBy: true,
  proposedAt: true,
  closedAt: true,
  restrictedUntil: true,
  extension: true,
  notification: true,
});
export type ListingSummary = z.infer<typeof ListingSummary>;
export const ListingList = z.object({ listings: z.array(ListingSummary) });

/** The letter was sent (date), or is held back (reason and when that is reviewed). */
export const NotificationRecord = z.discriminatedUnion('state', [
  z.object({ state: z.literal('sent'), sentOn: z.iso.date() }),
  z.object({
    state: z.literal('held_back'),
    reason: z.string().trim().min(10).max(2000),
    reviewOn: z.iso.date(),
  }),
]);
export type NotificationRecord = z.infer<typeof NotificationRecord>;

/** A decision on a listing that needs a reason (decline, end, withdraw an extension, lift). */
export const ListingReason = z.object({ reason: z.string().trim().min(10).max(2000) });
export type ListingReason = z.infer<typeof ListingReason>;

/** Proposes a later valid-until date; a second registrar confirms it. */
export const ListingExtensionProposal = z.object({
  validUntil: z.iso.date(),
  reason: z.string().trim().min(10).max(2000),
});
export type ListingExtensionProposal = z.infer<typeof ListingExtensionProposal>;

/**
 * Restricts a listing while a dispute is decided (Art. 18 GDPR): hidden from field look-ups,
 * no letter, until it is lifted. `onRequest`: the person asked for it (else the registrar's own
 * decision).
 */
export const ListingRestriction = z.object({
  until: z.iso.date(),
  reason: z.string().trim().min(10).max(2000),
  onRequest: z.boolean().default(false),
});
export type ListingRestriction = z.input<typeof ListingRestriction>;

/** The registrar's review queue: listings due for review, held-back letters due again. */
export const ListingsDue = z.object({
  withinDays: z.number().int(),
  /** Active listings whose valid-until date lies within the window, the earliest first. */
  listings: z.array(ListingSummary),
  /** Active listings whose held-back letter's review date has come, the earliest first. */
  heldBackLetters: z.array(ListingSummary),
  /** Restricted listings whose decide-by date has passed, the longest overdue first. */
  restrictionsOverdue: z.array(ListingSummary),
});
export type ListingsDue = z.infer<typeof ListingsDue>;
