import { FOUR_EYES_ROLES, type GrantStatus, type Role } from '@zemag/contracts';
import type { BadgeVariant } from '../../ui/badge';

/** The badge colour of a grant status; the label comes from `admin.grantStatus.<status>`. */
export const GRANT_STATUS_VARIANT: Readonly<Record<GrantStatus, BadgeVariant>> = {
  pending: 'warning',
  active: 'success',
  expired: 'danger',
  inactive_department: 'info',
  lapsed: 'danger',
  revoked: 'info',
};

/** `inactive_department` → `admin.grantStatus.inactive_department`. */
export function grantStatusKey(status: GrantStatus): string {
  return `admin.grantStatus.${status}`;
}

/**
 * True for roles a second administrator must confirm (four-eyes): those the contracts declare,
 * and `field` (the server's default; a city may switch it off with
 * ZEMAG_FIELD_GRANT_FOUR_EYES, and the answer to the grant then says "active").
 */
export function needsSecondAdmin(role: Role): boolean {
  return role === 'field' || (FOUR_EYES_ROLES as readonly Role[]).includes(role);
}

export type RecertificationState = 'overdue' | 'due' | 'ok';

/** Overdue after the date, due within `days` days of it (the server's list uses 30). */
export function recertificationState(
  recertifyBy: string,
  today: string,
  days = 30,
): RecertificationState {
  if (recertifyBy < today) return 'overdue';
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return recertifyBy <= limit.toISOString().slice(0, 10) ? 'due' : 'ok';
}
