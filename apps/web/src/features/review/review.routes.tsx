import type { CurrentUser, Permission } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/not-found.page';
import { matchPath } from '../../ui/match-path';
import { IncidentReviewPage } from './incident-review.page';
import { ListingDetailPage } from '../listings/listing-detail.page';
import { ListingsPage } from '../listings/listings.page';
import { PersonPage } from '../persons/person.page';
import { ReviewQueuePage } from './review-queue.page';

interface ReviewRoute {
  pattern: string;
  needs: Permission;
  render(user: CurrentUser, params: Record<string, string>): ReactNode;
}

const ROUTES: readonly ReviewRoute[] = [
  {
    pattern: '/review',
    needs: 'incident.review',
    render: (user) => <ReviewQueuePage user={user} />,
  },
  {
    pattern: '/review/:id',
    needs: 'incident.review',
    render: (user, { id }) => <IncidentReviewPage key={id} user={user} id={id!} />,
  },
  {
    pattern: '/persons/:id',
    needs: 'listing.manage',
    render: (user, { id }) => <PersonPage key={id} user={user} id={id!} />,
  },
  { pattern: '/listings', needs: 'listing.manage', render: (user) => <ListingsPage user={user} /> },
  {
    pattern: '/listings/:id',
    needs: 'listing.manage',
    render: (user, { id }) => <ListingDetailPage key={id} user={user} id={id!} />,
  },
];

/** The registrars' pages; without the ability a page does not exist for the user. */
export function ReviewRoutes({ path, user }: { path: string; user: CurrentUser }) {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (!user.abilities.includes(route.needs)) return <NotFoundPage />;
    return route.render(user, params);
  }
  return <NotFoundPage />;
}
