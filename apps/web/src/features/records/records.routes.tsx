import type { CurrentUser } from '@zemag/contracts';
import { NotFoundPage } from '../../app/not-found.page';
import { RecordsPage } from './records.page';

/** `/records`, for the data protection officer and the administrators (`records.read`). */
export function RecordsRoutes({ path, user }: { path: string; user: CurrentUser }) {
  if (!user.abilities.includes('records.read')) return <NotFoundPage />;
  if (path === '/records') return <RecordsPage />;
  return <NotFoundPage />;
}
