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
  status: 'pending' | 'active';
  endsOn: string | null;
}

/** Where a grant stands today. */
export function grantStatus(
  grant: GrantFacts,
  { today, departmentAuthorised }: { today: string; departmentAuthorised: boolean },
): GrantStatus {
  if (grant.status === 'pending') return 'pending';
  if (grant.endsOn !== null && grant.endsOn < today) return 'expired';
  if (grant.role === 'field' && !departmentAuthorised) return 'inactive_department';
  return 'active';
}

/** The roles a user holds right now: active, not past their end date, `field` only in an authorised department. */
export function effectiveRoles(
  grants: readonly GrantFacts[],
  context: { today: string; departmentAuthorised: boolean },
): Role[] {
  return grants.filter((g) => grantStatus(g, context) === 'active').map((g) => g.role);
}

export function needsFourEyes(role: Role): boolean {
  return (FOUR_EYES_ROLES as readonly Role[]).includes(role);
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
  departmentAuthorised: boolean;
  endsOn: string | null;
  today: string;
}): { code: ErrorCode; field: string } | null {
  if (input.actorId === input.granteeId) return { code: 'grant.self_grant', field: 'role' };
  if (input.granteeDisabled) return { code: 'grant.user_disabled', field: 'role' };
  if (input.heldRoles.includes(input.role)) return { code: 'grant.already_held', field: 'role' };
  if (conflictingRole(input.role, input.heldRoles))
    return { code: 'grant.incompatible_roles', field: 'role' };
  if (input.role === 'field' && !input.departmentAuthorised) {
    return { code: 'grant.department_not_authorised', field: 'role' };
  }
  if (input.endsOn !== null && input.endsOn < input.today)
    return { code: 'grant.end_in_past', field: 'endsOn' };
  return null;
}

/** Why `actor` may not confirm a pending grant, or null. Never the granter, never the grantee. */
export function refuseConfirmation(input: {
  actorId: string;
  granteeId: string;
  grantedBy: string | null;
}): ErrorCode | null {
  if (input.actorId === input.granteeId) return 'grant.self_grant';
  if (input.actorId === input.grantedBy) return 'grant.self_confirm';
  return null;
}
