import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors.js';

/** What the sign-in page needs to know about single sign-on. */
export const SsoConfig = z.object({
  enabled: z.boolean(),
  /** Button text, e.g. "Mit Dienstkonto anmelden"; null when single sign-on is off. */
  label: z.string().nullable(),
});
export type SsoConfig = z.infer<typeof SsoConfig>;

/** The query parameter on `/sign-in` that names why a single sign-on failed (a code only). */
export const SSO_ERROR_PARAM = 'sso_error';

/** Error codes a failed single sign-on may send back to the sign-in page. */
export const SSO_ERROR_CODES = ERROR_CODES.filter((code) => code.startsWith('sso.')) as Extract<
  ErrorCode,
  `sso.${string}`
>[];
export type SsoErrorCode = Extract<ErrorCode, `sso.${string}`>;

/** The code from a `sso_error` value, or null when it is none of ours (never echo unknown text). */
export function parseSsoError(value: string | null | undefined): SsoErrorCode | null {
  return SSO_ERROR_CODES.find((code) => code === value) ?? null;
}
