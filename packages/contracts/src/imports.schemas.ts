import { z } from 'zod';
import { LocalizedText } from './errors.js';

/** Most rows one import may have (a city has ~21,000 employees). */
export const IMPORT_MAX_ROWS = 50_000;

/** A CSV file's text for the roll-out import; `dryRun` checks everything and changes nothing. */
export const ImportRequest = z.object({
  csv: z
    .string()
    .min(1)
    .max(25 * 1024 * 1024),
  dryRun: z.boolean().default(true),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

/** One problem in one row (1 = the first data row after the header) and column. */
export const ImportError = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: LocalizedText,
});
export type ImportError = z.infer<typeof ImportError>;

/** What an import found and did. With any error nothing is applied. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportError),
});
export type ImportReport = z.infer<typeof ImportReport>;
