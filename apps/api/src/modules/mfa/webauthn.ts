import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { FactorRow } from './mfa.repository.js';

/** The relying party: this ZeMAG installation, identified by its public URL. */
export interface RelyingParty {
  rpId: string;
  rpName: string;
  origin: string;
}

/** How long a ceremony's challenge stays valid. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

const TRANSPORTS: readonly string[] = [
  'ble',
  'cable',
  'hybrid',
  'internal',
  'nfc',
  'smart-card',
  'usb',
];

function transportsOf(factor: FactorRow): AuthenticatorTransport[] {
  return (factor.transports ?? []).filter((t): t is AuthenticatorTransport =>
    TRANSPORTS.includes(t),
  );
}

/** Options for creating a passkey; a discoverable credential with user verification preferred. */
export function registrationOptions({
  rp,
  user,
  existing,
}: {
  rp: RelyingParty;
  user: { id: string; username: string; displayName: string };
  existing: FactorRow[];
}) {
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userName: user.username,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    timeout: CHALLENGE_TTL_MS,
    excludeCredentials: existing.flatMap((f) =>
      f.credentialId ? [{ id: f.credentialId, transports: transportsOf(f) }] : [],
    ),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Checks a new passkey; null when the browser's answer does not prove one. */
export async function verifyRegistration({
  rp,
  response,
  challenge,
}: {
  rp: RelyingParty;
  response: unknown;
  challenge: string;
}) {
  try {
    const result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      requireUserVerification: false,
    });
    if (!result.verified) return null;
    const { credential } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: credential.transports ?? [],
    };
  } catch {
    return null;
  }
}

/** Options for proving a passkey the user already has. */
export function authenticationOptions({
  rp,
  passkeys,
}: {
  rp: RelyingParty;
  passkeys: FactorRow[];
}) {
  return generateAuthenticationOptions({
    rpID: rp.rpId,
    timeout: CHALLENGE_TTL_MS,
    userVerification: 'preferred',
    allowCredentials: passkeys.flatMap((f) =>
      f.credentialId ? [{ id: f.credentialId, transports: transportsOf(f) }] : [],
    ),
  });
}

/** The credential id the browser answered with, to find the stored passkey. */
export function credentialIdOf(response: unknown): string | null {
  const id = (response as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 1024 ? id : null;
}

/** Checks a passkey assertion; the new signature counter, or null. */
export async function verifyAuthentication({
  rp,
  response,
  challenge,
  passkey,
}: {
  rp: RelyingParty;
  response: unknown;
  challenge: string;
  passkey: FactorRow;
}) {
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      requireUserVerification: false,
      credential: {
        id: passkey.credentialId!,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey!, 'base64url')),
        counter: passkey.signCount ?? 0,
        transports: transportsOf(passkey),
      },
    });
    return result.verified ? { signCount: result.authenticationInfo.newCounter } : null;
  } catch {
    return null;
  }
}
