import { z } from 'zod';
import { LocalizedText } from './errors.js';
import { INCIDENT_CATEGORIES, PartialDate } from './incidents.schemas.js';
import { LISTING_STATUSES, Precaution } from './listings.schemas.js';

/**
 * Reasons a look-up may be made for (the purpose every look-up must state). A city may
 * configure its own list; the code is stored in the audit log, the texts are what staff pick.
 */
export const DEFAULT_LOOKUP_REASONS = [
  { code: 'home_visit', de: 'Hausbesuch', en: 'Home visit' },
  { code: 'enforcement', de: 'Vollstreckung', en: 'Enforcement' },
  { code: 'inspection', de: 'Kontrolle', en: 'Inspection' },
  { code: 'office_appointment', de: 'Termin im Amt', en: 'Appointment at the office' },
  { code: 'other', de: 'Sonstiges', en: 'Other' },
] as const;

export const LookupReason = z.object({ code: z.string(), de: z.string(), en: z.string() });
export type LookupReason = z.infer<typeof LookupReason>;

/** Confidence bands of a candidate, best first. */
export const LOOKUP_BANDS = ['sicher', 'wahrscheinlich', 'möglich'] as const;
export type LookupBand = (typeof LOOKUP_BANDS)[number];

/** Why the look-up is made: the file it belongs to and a reason from the configured list. */
export const LookupPurpose = z.object({
  fileNumber: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(1).max(40),
});
export type LookupPurpose = z.infer<typeof LookupPurpose>;

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** An address as typed: street (with or without number), house number, postal code, city. */
export const LookupAddress = z.object({
  street: z.string().trim().min(1).max(200),
  houseNumber: optionalText(20),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .optional(),
  city: optionalText(100),
});
export type LookupAddress = z.infer<typeof LookupAddress>;

/**
 * A look-up: a family name (required unless an address is given), given names, a date of
 * birth as far as known (`1980-05-17`, `1980-05`, `1980`), an address, and always a purpose.
 */
export const LookupRequest = z
  .object({
    familyName: optionalText(100),
    givenNames: optionalText(100),
    dateOfBirth: PartialDate.optional(),
    address: LookupAddress.optional(),
    purpose: LookupPurpose,
  })
  .refine((q) => (q.familyName ?? '') !== '' || q.address !== undefined, {
    message: 'a family name or an address is required',
    path: ['familyName'],
  });
export type LookupRequest = z.input<typeof LookupRequest>;

/** Whom to call about a listing: the register office (the department of its registrar). */
export const LookupContact = z.object({
  department: z.string(),
  /** The department's telephone (a `tel:` link in the app); null for departments without one. */
  phone: z.string().nullable(),
  contact: z.string().nullable(),
});

/** The minimal answer for field staff: no ids, no incidents, no narratives. */
export const FieldLookupCandidate = z.object({
  band: z.enum(LOOKUP_BANDS),
  explanation: LocalizedText,
  familyName: z.string(),
  givenNames: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  /** The stored address that matched the address asked for (null when none was asked or none matched). */
  matchedAddress: z
    .object({
      street: z.string(),
      houseNumber: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
      current: z.boolean(),
    })
    .nullable(),
  level: z.number().int(),
  categories: z.array(z.enum(INCIDENT_CATEGORIES)),
  precautions: z.array(Precaution),
  precautionsText: z.string().nullable(),
  validUntil: z.iso.date(),
  contact: LookupContact.nullable(),
});
export type FieldLookupCandidate = z.infer<typeof FieldLookupCandidate>;

/** What a registrar sees in addition: ids, status (proposed listings are shown, marked), incidents. */
export const RegistrarLookupCandidate = FieldLookupCandidate.extend({
  personId: z.uuid(),
  score: z.number(),
  aliases: z.array(z.object({ familyName: z.string(), givenNames: z.string().nullable() })),
  listing: z.object({
    id: z.uuid(),
    status: z.enum(LISTING_STATUSES),
    restricted: z.boolean(),
    incidents: z.array(z.object({ id: z.uuid(), reference: z.string() })),
  }),
});
export type RegistrarLookupCandidate = z.infer<typeof RegistrarLookupCandidate>;

const resultBase = {
  /** Sequence number of the audit event that recorded this look-up. */
  auditSeq: z.number().int(),
  /** Always shown: no entry never means no risk. */
  notice: LocalizedText,
};

export const LookupResult = z.discriminatedUnion('view', [
  z.object({ view: z.literal('field'), ...resultBase, candidates: z.array(FieldLookupCandidate) }),
  z.object({
    view: z.literal('registrar'),
    ...resultBase,
    candidates: z.array(RegistrarLookupCandidate),
  }),
]);
export type LookupResult = z.infer<typeof LookupResult>;

/** The notice when nothing was found, and the reminder shown with every answer. */
export const LOOKUP_NOTICES = {
  none: {
    de: 'Kein Eintrag gefunden — das bedeutet nicht, dass kein Risiko besteht.',
    en: 'No entry found — this does not mean that there is no risk.',
  },
  some: {
    de: 'Treffer prüfen: Name und Geburtsdatum vor Ort abgleichen. Kein Treffer bedeutet nicht, dass kein Risiko besteht.',
    en: 'Check the matches: compare name and date of birth on site. No match does not mean there is no risk.',
  },
} as const;

/** The configured reasons, for the look-up form. */
export const LookupReasonList = z.object({ reasons: z.array(LookupReason) });
