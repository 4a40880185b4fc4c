import {
  FOUR_EYES_ROLES,
  INCOMPATIBLE_ROLES,
  type ErrorCode,
  type GrantStatus,
  type Role,
} from '@zemag/contracts';

/** A grant as the rules see it. Dates are local calendar dates `YYYY-MM-DD`. */
export interface GrantFacts {
  role: Role;
  /** `revoked` rows keep the grant's history; they never give access. */
  status: 'pending' | 'active' | 'revoked';
  endsOn: string | null;
  /** Date by which an administrator must confirm the grant is still needed. */
  recertifyBy?: string | null;
}

/** Days a re-certification may be overdue before the grant stops working (default). */
export const DEFAULT_RECERTIFY_GRACE_DAYS = 30;

/** `date` plus `days` calendar days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * True when the re-certification is overdue by more than `graceDays`: the grant works up to and
 * including `recertifyBy + graceDays`, not the day after, until an administrator recertifies it.
 */
export function isLapsed(
  recertifyBy: string | null | undefined,
  { today, graceDays = DEFAULT_RECERTIFY_GRACE_DAYS }: { today: string; graceDays?: number },
): boolean {
  return recertifyBy != null && addDays(recertifyBy, graceDays) < today;
}

/** Where a grant stands today. Deny by default: only `active` gives access. */
export function grantStatus(
  grant: GrantFacts,
  {
    today,
    departmentAuthorised,
    graceDays,
  }: { today: string; departmentAuthorised: boolean; graceDays?: number },
): GrantStatus {
  if (grant.status === 'revoked') return 'revoked';
  if (grant.status === 'pending') return 'pending';
  if (grant.endsOn !== null && grant.endsOn < today) return 'expired';
  if (isLapsed(grant.recertifyBy, { today, ...(graceDays === undefined ? {} : { graceDays }) }))
    return 'lapsed';
  if (grant.role === 'field' && !departmentAuthorised) return 'inactive_department';
  return 'active';
}

/**
 * The roles a user holds right now: active, not past their end date, re-certified in time
 * (with grace), `field` only in an authorised department.
 */
export function effectiveRoles(
  grants: readonly GrantFacts[],
  context: { today: string; departmentAuthorised: boolean; graceDays?: number },
): Role[] {
  return grants.filter((g) => grantStatus(g, context) === 'active').map((g) => g.role);
}

/** A grant that is active on paper but gives nothing any more: a new grant may replace it. */
export function isReplaceable(
  grant: GrantFacts,
  context: { today: string; graceDays?: number },
): boolean {
  const status = grantStatus(grant, { ...context, departmentAuthorised: true });
  return status === 'expired' || status === 'lapsed';
}

/** Whether a grant of `role` waits for a second administrator (`field` unless configured off). */
export function needsFourEyes(role: Role, { fieldFourEyes }: { fieldFourEyes: boolean }): boolean {
  if (role === 'field') return fieldFourEyes;
  return (FOUR_EYES_ROLES as readonly Role[]).includes(role);
}

/**
 * The bootstrap rule: the first administrator may make the second one at once, because nobody
 * could confirm it. Only while the actor is the only administrator who ever existed (history,
 * not the current state: disabling or revoking the others does not bring the rule back).
 */
export function isBootstrapAdminGrant(input: {
  role: Role;
  actorId: string;
  activeAdminIds: readonly string[];
  everAdminIds: readonly string[];
}): boolean {
  return (
    input.role === 'admin' &&
    input.activeAdminIds.length === 1 &&
    input.activeAdminIds[0] === input.actorId &&
    input.everAdminIds.every((id) => id === input.actorId)
  );
}

/** The role among `held` that may not be combined with `role`, if any. */
export function conflictingRole(role: Role, held: readonly Role[]): Role | null {
  for (const [a, b] of INCOMPATIBLE_ROLES) {
    if (a === role && held.includes(b)) return b;
    if (b === role && held.includes(a)) return a;
  }
  return null;
}

/** Why `actor` may not grant `role` to `grantee`, or null when the grant may be made. */
export function refuseGrant(input: {
  actorId: string;
  granteeId: string;
  granteeDisabled: boolean;
  role: Role;
  /** Roles the grantee holds or waits for, whatever their status. */
  heldRoles: readonly Role[];
  /** Held roles that no longer work (ended, re-certification lapsed): a new grant replaces them. */
  replaceableRoles?: readonly Role[];
  departmentAuthorised: boolean;
  endsOn: string | null;
  today: string;
}): { code: ErrorCode; field: string } | null {
  if (input.actorId === input.granteeId) return { code: 'grant.self_grant', field: 'role' };
  if (input.granteeDisabled) return { code: 'grant.user_disabled', field: 'role' };
  if (input.heldRoles.includes(input.role) && !input.replaceableRoles?.includes(input.role))
    return { code: 'grant.already_held', field: 'role' };
  if (conflictingRole(input.role, input.heldRoles))
    return { code: 'grant.incompatible_roles', field: 'role' };
  if (input.role === 'field' && !input.departmentAuthorised) {
    return { code: 'grant.department_not_authorised', field: 'role' };
  }
  if (input.endsOn !== null && input.endsOn < input.today)
    return { code: 'grant.end_in_past', field: 'endsOn' };
  return null;
}

/**
 * Why `actor` may not confirm a pending grant, or null. Never the granter, never the grantee,
 * and only once the employee has set their own password (or signs in through single sign-on):
 * before that, whoever holds the activation link could take the account with the grant.
 */
export function refuseConfirmation(input: {
  actorId: string;
  granteeId: string;
  grantedBy: string | null;
  granteeActivated: boolean;
}): ErrorCode | null {
  if (input.actorId === input.granteeId) return 'grant.self_grant';
  if (input.actorId === input.grantedBy) return 'grant.self_confirm';
  if (!input.granteeActivated) return 'grant.user_not_activated';
  return null;
}
