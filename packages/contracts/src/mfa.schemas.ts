import { z } from 'zod';

/** Kinds of second factor a user can enrol. */
export const FACTOR_KINDS = ['totp', 'webauthn'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

/** How a session's second factor was proven (a recovery code counts as one). */
export const SECOND_FACTOR_METHODS = ['totp', 'webauthn', 'recovery_code'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

/** Where the session stands on the second factor; the web app leads the user from this. */
export const MfaStatus = z.object({
  /** One of the user's roles requires a second factor. */
  required: z.boolean(),
  /** A second factor was proven in this session, or none is required. */
  satisfied: z.boolean(),
  /**
   * The second factor proven in this session, if any: one of SECOND_FACTOR_METHODS, or what
   * the identity provider reported when single sign-on proved it.
   */
  method: z.string().nullable(),
  enrolled: z.object({ totp: z.boolean(), webauthn: z.number().int() }),
  recoveryCodesLeft: z.number().int(),
  /**
   * Recovery codes were shown but not yet confirmed as kept: the app asks for new ones (the
   * old ones are never shown again) before anything else.
   */
  recoveryCodesUnconfirmed: z.boolean(),
});
export type MfaStatus = z.infer<typeof MfaStatus>;

/** A six-digit code from an authenticator app. */
export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

/** A recovery code as printed (xxxxx-xxxxx); spaces and case are forgiven. */
export const RecoveryCode = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[a-z0-9]{10}$/));

export const FactorLabel = z.string().trim().min(1).max(60);

/** An enrolled factor as its owner (or an administrator) sees it; never a secret. */
export const Factor = z.object({
  id: z.uuid(),
  kind: z.enum(FACTOR_KINDS),
  label: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type Factor = z.infer<typeof Factor>;

export const FactorList = z.object({
  factors: z.array(Factor),
  recoveryCodesLeft: z.number().int(),
});
export type FactorList = z.infer<typeof FactorList>;

/** Shown once when an authenticator app is enrolled: the secret as QR code and as text. */
export const TotpEnrolment = z.object({
  factorId: z.uuid(),
  /** Base32 secret, for typing into the app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG image in a data URL (made on the server, no third party). */
  qrCode: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const ConfirmTotpRequest = z.object({
  factorId: z.uuid(),
  code: TotpCode,
  label: FactorLabel.optional(),
});
export type ConfirmTotpRequest = z.infer<typeof ConfirmTotpRequest>;

/** A WebAuthn ceremony's options or a browser's response, passed through as JSON. */
export const WebAuthnJson = z.record(z.string(), z.unknown());

export const RegisterPasskeyRequest = z.object({
  label: FactorLabel.optional(),
  response: WebAuthnJson,
});
export type RegisterPasskeyRequest = z.infer<typeof RegisterPasskeyRequest>;

export const RenameFactorRequest = z.object({ label: FactorLabel });
export type RenameFactorRequest = z.infer<typeof RenameFactorRequest>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** Proving the second factor of a signed-in session. */
export const SecondFactorRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: TotpCode }),
  z.object({ method: z.literal('recovery_code'), code: RecoveryCode }),
  z.object({ method: z.literal('webauthn'), response: WebAuthnJson }),
]);
export type SecondFactorRequest = z.infer<typeof SecondFactorRequest>;
