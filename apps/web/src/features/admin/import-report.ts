import { LocalizedText } from '@zemag/contracts';
import { z } from 'zod';

// TODO: import from @zemag/contracts once the import routes land there (same shape).
/** What `POST /api/v1/imports/{departments,users}` answers; nothing is applied with errors. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      code: z.string(),
      message: LocalizedText,
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const IMPORT_KINDS = ['departments', 'users'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
