import type { CurrentUser } from '@zemag/contracts';
import { NotFoundPage } from '../../app/not-found.page';
import { StatisticsPage } from './statistics.page';

/** `/statistics`, for registrars and the data protection officer (`statistics.read`). */
export function StatisticsRoutes({ path, user }: { path: string; user: CurrentUser }) {
  if (!user.abilities.includes('statistics.read')) return <NotFoundPage />;
  if (path === '/statistics') return <StatisticsPage />;
  return <NotFoundPage />;
}
