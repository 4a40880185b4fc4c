import type { Role } from '@zemag/contracts';
import type { Env } from '../../config.js';

/**
 * Roles the identity provider's groups may grant and take away. Only roles that ZeMAG grants
 * without a second administrator: a group membership cannot stand in for four-eyes.
 */
export const SYNCABLE_ROLES = ['field', 'control_room'] as const satisfies readonly Role[];
export type SyncableRole = (typeof SYNCABLE_ROLES)[number];

/** OpenID Connect single sign-on, as read from the environment. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Null: a public client that proves itself with PKCE alone. */
  clientSecret: string | null;
  scopes: string;
  label: string;
  /** Where the provider sends the browser back: public URL + /api/v1/sso/callback. */
  callbackUrl: URL;
  usernameClaim: string;
  departmentClaim: string | null;
  groupsClaim: string;
  /** Role → groups that give it; null: grants stay in ZeMAG. */
  roleGroups: Partial<Record<SyncableRole, string[]>> | null;
  createUsers: boolean;
  trustMfa: boolean;
}

export const CALLBACK_PATH = '/api/v1/sso/callback';

function parseRoleGroups(raw: string | undefined, problems: string[]): OidcSettings['roleGroups'] {
  if (raw === undefined || raw.trim() === '') return null;
  const problem = (text: string) => {
    problems.push(`ZEMAG_OIDC_ROLE_GROUPS: ${text}`);
    return null;
  };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return problem('must be JSON such as {"field":"zemag-aussendienst"}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problem('must be a JSON object of role → group name(s)');
  }
  const result: Partial<Record<SyncableRole, string[]>> = {};
  for (const [role, groups] of Object.entries(value)) {
    if (!(SYNCABLE_ROLES as readonly string[]).includes(role)) {
      return problem(
        `role "${role}" cannot follow a group; allowed: ${SYNCABLE_ROLES.join(', ')} (other roles need a second administrator)`,
      );
    }
    const list = typeof groups === 'string' ? [groups] : groups;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every((g) => typeof g === 'string' && g !== '')
    ) {
      return problem(`groups for "${role}" must be a group name or a list of names`);
    }
    result[role as SyncableRole] = list as string[];
  }
  return result;
}

/** Single sign-on settings, or null when issuer and client id are not both set. */
export function readOidcSettings(e: Env, publicUrl: URL, problems: string[]): OidcSettings | null {
  if (!e.ZEMAG_OIDC_ISSUER && !e.ZEMAG_OIDC_CLIENT_ID) return null;
  if (!e.ZEMAG_OIDC_ISSUER || !e.ZEMAG_OIDC_CLIENT_ID) {
    problems.push(
      'ZEMAG_OIDC_ISSUER and ZEMAG_OIDC_CLIENT_ID: single sign-on needs both (or neither)',
    );
    return null;
  }
  const issuer = new URL(e.ZEMAG_OIDC_ISSUER);
  if (e.NODE_ENV === 'production' && issuer.protocol !== 'https:') {
    problems.push('ZEMAG_OIDC_ISSUER: production needs an https:// identity provider');
  }
  if (!e.ZEMAG_OIDC_SCOPES.split(/\s+/).includes('openid')) {
    problems.push('ZEMAG_OIDC_SCOPES: must include openid');
  }
  const roleGroups = parseRoleGroups(e.ZEMAG_OIDC_ROLE_GROUPS, problems);
  return {
    issuer,
    clientId: e.ZEMAG_OIDC_CLIENT_ID,
    clientSecret: e.ZEMAG_OIDC_CLIENT_SECRET ?? null,
    scopes: e.ZEMAG_OIDC_SCOPES.trim(),
    label: e.ZEMAG_OIDC_LABEL,
    callbackUrl: new URL(CALLBACK_PATH, publicUrl),
    usernameClaim: e.ZEMAG_OIDC_USERNAME_CLAIM,
    departmentClaim: e.ZEMAG_OIDC_DEPARTMENT_CLAIM ?? null,
    groupsClaim: e.ZEMAG_OIDC_GROUPS_CLAIM,
    roleGroups,
    createUsers: e.ZEMAG_OIDC_CREATE_USERS,
    trustMfa: e.ZEMAG_OIDC_TRUST_MFA,
  };
}
