import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_S = 30;
/** Codes of the previous and the next step are accepted too (clock drift of the phone). */
export const TOTP_WINDOW = 1;

function totpFor(secret: string, label = 'ZeMAG') {
  return new TOTP({
    issuer: 'ZeMAG',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret (160 bits, base32), as RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return totpFor(secret, account).toString();
}

/** The time step a moment falls into. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_S);
}

/** The code for a moment (tests and the enrolment check use it). */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'reused' };

/**
 * Checks a code against the steps around `at`. A code from a step at or before the last one
 * accepted is refused as reused, so an observed code cannot be replayed within its window.
 */
export function checkTotp({
  secret,
  code,
  at,
  lastUsedStep,
}: {
  secret: string;
  code: string;
  at: Date;
  lastUsedStep: number | null;
}): TotpCheck {
  const delta = totpFor(secret).validate({
    token: code,
    timestamp: at.getTime(),
    window: TOTP_WINDOW,
  });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = totpStep(at) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}
