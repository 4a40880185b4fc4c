import { z } from 'zod';

/** One correction as the history shows it: who, when, why, and each field's old and new value. */
export const Correction = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }),
  reason: z.string(),
  /** `{ field: { from, to } }`; lists (aliases, addresses, persons) as whole lists. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type Correction = z.infer<typeof Correction>;

export const CorrectionList = z.object({ corrections: z.array(Correction) });
export type CorrectionList = z.infer<typeof CorrectionList>;
