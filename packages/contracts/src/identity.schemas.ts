import { z } from 'zod';
import { MfaStatus } from './mfa.schemas.js';
import { PERMISSIONS } from './permissions.js';
import { ROLES } from './roles.js';

/** ASVS 5.0 (V6.2): at least 12 characters, up to 128, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._@-]*$/);

export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const DisplayName = z.string().trim().min(1).max(120);

export const SignInRequest = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/**
 * The signed-in user as the web app sees it, with the abilities computed on the server. While a
 * required second factor is not yet proven, `abilities` is empty.
 */
export const CurrentUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  abilities: z.array(z.enum(PERMISSIONS)),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionInfo = z.object({
  user: CurrentUser,
  /** When the session ends without activity (ISO 8601). */
  idleExpiresAt: z.iso.datetime(),
  /** When the session ends regardless of activity (ISO 8601). */
  absoluteExpiresAt: z.iso.datetime(),
  /** Second factor: required, proven, what is enrolled. */
  mfa: MfaStatus,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** A confirmed enrolment: the session's new state and, for the first factor, recovery codes (shown once). */
export const EnrolmentResult = z.object({
  session: SessionInfo,
  recoveryCodes: z.array(z.string()).nullable(),
});
export type EnrolmentResult = z.infer<typeof EnrolmentResult>;
