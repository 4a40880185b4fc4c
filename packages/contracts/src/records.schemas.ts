import { z } from 'zod';
import { ROLES } from './roles.js';

/**
 * The record of processing activities (Art. 30 GDPR), generated from the running configuration
 * (`GET /api/v1/records-of-processing`). Texts are German: the record is the city's German
 * document; the web page names the sections in both languages. Every value is what the server
 * runs with, never a claim about settings it does not have.
 */
const Lines = z.array(z.string());

/** One configurable period or limit: its value, the setting that gives it, whether it is the default. */
export const RecordsSetting = z.object({
  /** Stable code, e.g. `audit_events` or `listing_validity`. */
  code: z.string(),
  label: z.string(),
  /** As the record states it, e.g. `24 Monate`. */
  value: z.string(),
  /** From when the period runs (retention rules), or null. */
  startsFrom: z.string().nullable(),
  /** The environment variable, or null when the code fixes it. */
  setting: z.string().nullable(),
  /** Whether the shipped default is in use; null where the record does not compare. */
  isDefault: z.boolean().nullable(),
});
export type RecordsSetting = z.infer<typeof RecordsSetting>;

export const RecordsOfProcessing = z.object({
  generatedAt: z.iso.datetime(),
  /** The city's calendar date of `generatedAt` (the export's file name). */
  date: z.iso.date(),
  controller: z.object({
    /** "Stadt <ZEMAG_CITY_NAME>". */
    name: z.string(),
    office: z.string(),
    address: Lines,
    contact: Lines,
    dpoContact: Lines,
    supervisoryAuthority: Lines,
  }),
  processing: z.object({ name: z.string(), purposes: Lines }),
  legalBasis: z.object({
    paragraphs: Lines,
    /** True while the shipped default text is in use: the DPO has to check and replace it. */
    isDefault: z.boolean(),
    setting: z.string(),
  }),
  personCategories: z.array(z.object({ title: z.string(), text: z.string() })),
  dataCategories: z.array(z.object({ title: z.string(), items: Lines })),
  recipients: z.object({
    /** Departments authorised for look-ups, with the users whose `field` grant is in force. */
    departments: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        reason: z.string().nullable(),
        fieldUsers: z.number().int(),
      }),
    ),
    /** Internal recipients by role: what the role sees and how many hold it today. */
    roles: z.array(
      z.object({ role: z.enum(ROLES), access: z.string(), holders: z.number().int() }),
    ),
    transfers: z.string(),
  }),
  retention: z.array(RecordsSetting),
  measures: z.array(RecordsSetting),
  /** Points the configuration leaves open for the city's record and its DPIA. */
  notes: z.array(z.object({ code: z.string(), text: z.string() })),
});
export type RecordsOfProcessing = z.infer<typeof RecordsOfProcessing>;

/** `verzeichnis-verarbeitungstaetigkeiten-2026-12-06.md` for the city's date `2026-12-06`. */
export function recordsFileName(date: string): string {
  return `verzeichnis-verarbeitungstaetigkeiten-${date}.md`;
}
