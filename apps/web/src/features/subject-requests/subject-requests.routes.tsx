import type { CurrentUser } from '@zemag/contracts';
import { NotFoundPage } from '../../app/not-found.page';
import { matchPath } from '../../ui/match-path';
import { SubjectRequestPage } from './subject-request.page';
import { SubjectRequestsPage } from './subject-requests.page';

/** `/subject-requests` and `/subject-requests/:id`, for registrars (`listing.manage`). */
export function SubjectRequestsRoutes({ path, user }: { path: string; user: CurrentUser }) {
  if (!user.abilities.includes('listing.manage')) return <NotFoundPage />;
  if (path === '/subject-requests') return <SubjectRequestsPage user={user} />;
  const params = matchPath('/subject-requests/:id', path);
  if (params?.id) return <SubjectRequestPage key={params.id} user={user} id={params.id} />;
  return <NotFoundPage />;
}
