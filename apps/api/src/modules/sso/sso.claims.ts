import { Username, type Role } from '@zemag/contracts';
import { storedText } from '../../db/stored-text.js';
import { SYNCABLE_ROLES, type OidcSettings, type SyncableRole } from './sso.settings.js';

/** Who the identity provider says signed in, in ZeMAG's terms. */
export interface ExternalIdentity {
  subject: string;
  username: string;
  displayName: string;
  /** Department code from the department claim; null when no claim is configured. */
  departmentCode: string | null;
  groups: string[];
  /** The `amr` values (authentication methods), as sent. */
  amr: string[];
}

type ClaimSettings = Pick<OidcSettings, 'usernameClaim' | 'departmentClaim' | 'groupsClaim'>;

/**
 * A claim as text the database can store: the provider's JSON may carry U+0000 or a lone
 * surrogate, which would fail the insert (500) or be stored differently from what was compared.
 */
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? storedText(value.trim()) : null;
}

/** A claim that is a list of strings, or one string (some providers send a single group so). */
function list(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [storedText(value)];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v !== '').map(storedText);
}

/**
 * Maps the claims of the ID token (and userinfo) to an identity, or says which claim is
 * missing. The user name must fit ZeMAG's user-name rules after lower-casing.
 */
export function mapClaims(
  claims: Record<string, unknown>,
  settings: ClaimSettings,
): { identity: ExternalIdentity } | { missing: string } {
  const subject = text(claims.sub);
  if (!subject) return { missing: 'sub' };
  const parsed = Username.safeParse(claims[settings.usernameClaim]);
  if (!parsed.success) return { missing: settings.usernameClaim };
  const username = parsed.data;
  let departmentCode: string | null = null;
  if (settings.departmentClaim) {
    departmentCode = text(claims[settings.departmentClaim]);
    if (!departmentCode) return { missing: settings.departmentClaim };
  }
  const displayName =
    text(claims.name) ??
    ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || username);
  return {
    identity: {
      subject,
      username,
      // by code point: cutting a surrogate pair in two would leave half an emoji
      displayName: Array.from(displayName).slice(0, 120).join(''),
      departmentCode,
      groups: list(claims[settings.groupsClaim]),
      amr: list(claims.amr),
    },
  };
}

/** The syncable roles the groups give, in a stable order. */
export function rolesFromGroups(
  groups: readonly string[],
  roleGroups: NonNullable<OidcSettings['roleGroups']>,
): SyncableRole[] {
  return SYNCABLE_ROLES.filter((role) => roleGroups[role]?.some((g) => groups.includes(g)));
}

/**
 * What to change so the user's syncable roles match the groups: grant what a group gives and
 * is not held, revoke what is held but no group gives any more. Only roles named in the
 * mapping are touched: a `control_room` grant made in ZeMAG stays when only `field` is mapped.
 */
export function planRoleSync({
  held,
  wanted,
  roleGroups,
}: {
  held: readonly Role[];
  wanted: readonly SyncableRole[];
  roleGroups: NonNullable<OidcSettings['roleGroups']>;
}): { grant: SyncableRole[]; revoke: SyncableRole[] } {
  const managed = SYNCABLE_ROLES.filter((role) => roleGroups[role] !== undefined);
  return {
    grant: managed.filter((role) => wanted.includes(role) && !held.includes(role)),
    revoke: managed.filter((role) => !wanted.includes(role) && held.includes(role)),
  };
}

/** `amr` values that prove a second factor (RFC 8176): multi-factor, OTP, hardware or software key. */
export const MFA_AMR_VALUES = ['mfa', 'otp', 'hwk', 'swk'] as const;

/**
 * The second factor to record for the session when the provider's `amr` proves one and the
 * city trusts it: `oidc:<amr>`; otherwise null and ZeMAG asks for its own second factor.
 */
export function trustedSecondFactor(amr: readonly string[], trustMfa: boolean): string | null {
  if (!trustMfa) return null;
  const proven = MFA_AMR_VALUES.find((value) => amr.includes(value));
  return proven ? `oidc:${proven}` : null;
}
