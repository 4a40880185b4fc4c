import type { CurrentUser } from '@zemag/contracts';
import { NotFoundPage } from '../../app/not-found.page';
import { AuditPage } from './audit.page';
import { FindingsPage } from './findings.page';

/** `/audit` and `/audit/findings`, for the data protection officer (`audit.read`). */
export function AuditRoutes({ path, user }: { path: string; user: CurrentUser }) {
  if (!user.abilities.includes('audit.read')) return <NotFoundPage />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/audit/findings') return <FindingsPage />;
  return <NotFoundPage />;
}
