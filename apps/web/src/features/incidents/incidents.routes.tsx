import type { CurrentUser, Permission } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/not-found.page';
import { matchPath } from '../../ui/match-path';
import { MyReportsPage } from './my-reports.page';
import { NewReportPage } from './new-report.page';
import { OutboxEntryPage } from './outbox-entry.page';
import { ReportDetailPage } from './report-detail.page';

interface ReportRoute {
  pattern: string;
  needs: Permission;
  render(user: CurrentUser, params: Record<string, string>): ReactNode;
}

// `/reports/new` and `/reports/outbox/…` come before `/reports/:id`.
const ROUTES: readonly ReportRoute[] = [
  {
    pattern: '/reports/new',
    needs: 'incident.report',
    render: (user) => <NewReportPage ownerId={user.id} />,
  },
  {
    pattern: '/reports/outbox/:id',
    needs: 'incident.report',
    render: (user, { id }) => <OutboxEntryPage key={id} user={user} id={id!} />,
  },
  {
    pattern: '/reports',
    needs: 'incident.read_own',
    render: (user) => <MyReportsPage user={user} />,
  },
  {
    pattern: '/reports/:id',
    needs: 'incident.read_own',
    render: (_user, { id }) => <ReportDetailPage key={id} id={id!} />,
  },
];

/** The reporter's pages; without the ability a page does not exist for the user. */
export function ReportsRoutes({ path, user }: { path: string; user: CurrentUser }) {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (!user.abilities.includes(route.needs)) return <NotFoundPage />;
    return route.render(user, params);
  }
  return <NotFoundPage />;
}
