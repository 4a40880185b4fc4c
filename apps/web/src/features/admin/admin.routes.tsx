import type { CurrentUser, Permission } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/not-found.page';
import { DepartmentsPage } from './departments.page';
import { GrantsPage } from './grants.page';
import { ImportPage } from './import.page';
import { matchPath } from '../../ui/match-path';
import { UserDetailPage } from './user-detail.page';
import { UsersPage } from './users.page';

interface AdminRoute {
  pattern: string;
  /** Any one of these abilities opens the page (the API checks each call again). */
  needs: readonly Permission[];
  render(user: CurrentUser, params: Record<string, string>): ReactNode;
}

const ROUTES: readonly AdminRoute[] = [
  { pattern: '/admin/users', needs: ['user.manage'], render: (user) => <UsersPage user={user} /> },
  {
    pattern: '/admin/users/:id',
    needs: ['user.manage'],
    render: (user, { id }) => <UserDetailPage key={id} user={user} id={id!} />,
  },
  {
    pattern: '/admin/grants',
    needs: ['user.manage'],
    render: (user) => <GrantsPage user={user} />,
  },
  {
    pattern: '/admin/departments',
    needs: ['department.manage'],
    render: (user) => <DepartmentsPage user={user} />,
  },
  {
    pattern: '/admin/import',
    needs: ['user.manage', 'department.manage'],
    render: (user) => <ImportPage user={user} />,
  },
];

/**
 * The administration pages. Without the ability a page does not exist for the user: they see
 * "not found", exactly as for an unknown address, and learn nothing about the admin area.
 */
export function AdminRoutes({ path, user }: { path: string; user: CurrentUser }) {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (!route.needs.some((need) => user.abilities.includes(need))) return <NotFoundPage />;
    return route.render(user, params);
  }
  return <NotFoundPage />;
}
