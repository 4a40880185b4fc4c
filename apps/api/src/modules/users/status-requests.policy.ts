import { FOUR_EYES_ROLES, type ErrorCode, type Role } from '@zemag/contracts';

export type StatusAction = 'disable' | 'enable';

/**
 * Disabling or re-enabling an account that holds an active admin, registrar or dpo grant
 * needs a second person: one administrator alone could otherwise switch off the only other
 * administrator (no one left to notice or to confirm) or bring back an account of their choice.
 */
export function statusChangeNeedsSecondPerson(activeRoles: readonly Role[]): boolean {
  return activeRoles.some((role) => (FOUR_EYES_ROLES as readonly Role[]).includes(role));
}

/**
 * Why `actor` may not confirm a request to disable or enable `target`, or null.
 * - never the administrator who made the request;
 * - the target themself only to consent to their own disabling, and only when they are the
 *   last active administrator besides the requester (no third person exists to confirm).
 */
export function refuseStatusConfirmation(input: {
  actorId: string;
  targetId: string;
  requestedBy: string;
  action: StatusAction;
  activeAdminIds: readonly string[];
}): ErrorCode | null {
  if (input.actorId === input.requestedBy) return 'user.status_self_confirm';
  if (input.actorId === input.targetId) {
    const others = input.activeAdminIds.filter(
      (id) => id !== input.requestedBy && id !== input.targetId,
    );
    if (input.action !== 'disable' || others.length > 0) return 'user.self_change';
  }
  return null;
}
