import { z } from 'zod';
import { LocalizedText } from './errors.js';
import { LookupAddress, LookupPurpose, LookupResult } from './lookup.schemas.js';
import { PartialDate } from './incidents.schemas.js';

/** At most this many entries (lines without the header) in one visit list. */
export const VISIT_LIST_MAX_ENTRIES = 100;

/**
 * A field employee's visits of the day: the text as pasted or read from a file — CSV with a
 * header row, or one entry per line — and the one purpose that applies to every line.
 */
export const VisitListRequest = z.object({
  purpose: LookupPurpose,
  text: z.string().max(100_000),
});
export type VisitListRequest = z.input<typeof VisitListRequest>;

/** What one line was read as (the fields of a look-up). */
export const VisitListQuery = z.object({
  familyName: z.string().optional(),
  givenNames: z.string().optional(),
  dateOfBirth: PartialDate.optional(),
  address: LookupAddress.optional(),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;

/** One line of the list: what it was read as and the look-up's answer, or why it could not be. */
export const VisitListLine = z.object({
  /** 1-based line number in the text as sent. */
  line: z.number().int(),
  /** The line as given (trimmed). */
  input: z.string(),
  query: VisitListQuery.nullable(),
  /** Why this line was not looked up (e.g. no name and no street); names the field. */
  error: z.object({ field: z.string(), message: LocalizedText }).nullable(),
  result: LookupResult.nullable(),
});
export type VisitListLine = z.infer<typeof VisitListLine>;

export const VisitListResult = z.object({
  /** Sequence number of the audit event that summarises the list (each line has its own). */
  auditSeq: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  /** End of the shift: a copy kept on the phone must be deleted by then. */
  keepUntil: z.iso.datetime({ offset: true }),
  purpose: LookupPurpose,
  lines: z.array(VisitListLine),
});
export type VisitListResult = z.infer<typeof VisitListResult>;
