import type { CurrentUser, Permission } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/not-found.page';
import { VisitListPage } from '../visits/visit-list.page';
import { LookupPage } from './lookup.page';

interface LookupRoute {
  path: string;
  needs: Permission;
  render(user: CurrentUser): ReactNode;
}

// The visit list is a batch of look-ups: whoever may look up may use it (registrars too).
const ROUTES: readonly LookupRoute[] = [
  { path: '/lookup', needs: 'register.lookup', render: () => <LookupPage /> },
  {
    path: '/visits',
    needs: 'register.lookup',
    render: (user) => <VisitListPage ownerId={user.id} />,
  },
];

/** The look-up pages; without the ability a page does not exist for the user. */
export function LookupRoutes({ path, user }: { path: string; user: CurrentUser }) {
  const route = ROUTES.find((candidate) => candidate.path === path);
  if (!route || !user.abilities.includes(route.needs)) return <NotFoundPage />;
  return route.render(user);
}
