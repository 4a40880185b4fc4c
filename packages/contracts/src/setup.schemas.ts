import { z } from 'zod';
import { DisplayName, NewPassword, Username } from './identity.schemas.js';

/** Whether the first administrator still has to be created. */
export const SetupStatus = z.object({ required: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** The one-time setup token comes from the link the server printed at start. */
export const SetupAdminRequest = z.object({
  token: z.string().min(20).max(200),
  username: Username,
  displayName: DisplayName,
  password: NewPassword,
});
export type SetupAdminRequest = z.infer<typeof SetupAdminRequest>;
