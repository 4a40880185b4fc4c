import { z } from 'zod';
import { LocalizedText } from './errors.js';
import { ROLES } from './roles.js';

/** One account of the demo city Musterstadt, as the sign-in page of a demo instance lists it. */
export const DemoAccount = z.object({
  username: z.string(),
  displayName: z.string(),
  /** Roles held right now (every employee also has `reporter`). */
  roles: z.array(z.enum(ROLES)),
  /** The Dienststelle's name, e.g. "Ordnungsdienst"; null for none. */
  departmentName: z.string().nullable(),
  /** What the account shows in the demo, in both UI languages. */
  purpose: LocalizedText,
});
export type DemoAccount = z.infer<typeof DemoAccount>;

/** Whether this instance is a demo (no real data) and, if so, its demo accounts. */
export const DemoInfo = z.object({
  enabled: z.boolean(),
  accounts: z.array(DemoAccount),
});
export type DemoInfo = z.infer<typeof DemoInfo>;

/** One-click sign-in as a demo account (demo instances only). */
export const DemoSignInRequest = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
});
export type DemoSignInRequest = z.infer<typeof DemoSignInRequest>;
