import { ROLES, type Role } from '@zemag/contracts';

export type UserStatusFilter = 'active' | 'disabled' | 'all';

/** The search form's state; empty strings mean "any". */
export interface UserFilter {
  q: string;
  departmentCode: string;
  role: Role | '';
  status: UserStatusFilter;
  page: number;
}

export const PAGE_SIZE = 20;

export const EMPTY_FILTER: UserFilter = {
  q: '',
  departmentCode: '',
  role: '',
  status: 'active',
  page: 0,
};

const STATUSES: readonly UserStatusFilter[] = ['active', 'disabled', 'all'];

/** The query string for `GET /api/v1/users` (without the leading `?`). */
export function userSearchQuery(filter: UserFilter, pageSize = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.departmentCode) params.set('departmentCode', filter.departmentCode);
  if (filter.role) params.set('role', filter.role);
  params.set('status', filter.status);
  params.set('limit', String(pageSize));
  params.set('offset', String(filter.page * pageSize));
  return params.toString();
}

/** The filter as the page's own address query, leaving out defaults (for links and reloads). */
export function filterToSearch(filter: UserFilter): string {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.departmentCode) params.set('department', filter.departmentCode);
  if (filter.role) params.set('role', filter.role);
  if (filter.status !== 'active') params.set('status', filter.status);
  if (filter.page > 0) params.set('page', String(filter.page + 1));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Reads the filter back from the address; anything unknown falls back to the default. */
export function filterFromSearch(search: string): UserFilter {
  const params = new URLSearchParams(search);
  const role = params.get('role') ?? '';
  const status = params.get('status') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    departmentCode: (params.get('department') ?? '').slice(0, 32),
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : '',
    status: (STATUSES as readonly string[]).includes(status)
      ? (status as UserStatusFilter)
      : 'active',
    page: Number.isFinite(page) && page > 1 ? page - 1 : 0,
  };
}

/** How many pages `total` results fill. */
export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
