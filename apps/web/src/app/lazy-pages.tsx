import { loadTexts } from '../i18n/text-parts';
import { lazyComponent as lazyPage } from './lazy-component';
import { type RouteArea, routeArea } from './route-areas';

// One chunk per part of the app (see route-areas.ts); the sign-in page stays in the entry.
export const HomePage = lazyPage(() =>
  import('../features/home/home.page').then((m) => m.HomePage),
);
export const ReportsRoutes = lazyPage(() =>
  import('../features/incidents/incidents.routes').then((m) => m.ReportsRoutes),
);
// Offline start: the quick report kept on the device (the service worker has this file).
export const OfflineOutboxNotice = lazyPage(() =>
  import('../features/incidents/offline-outbox-notice').then((m) => m.OfflineOutboxNotice),
);
export const LookupRoutes = lazyPage(() =>
  import('../features/lookup/lookup.routes').then((m) => m.LookupRoutes),
);
export const VisitListPage = lazyPage(() =>
  import('../features/visits/visit-list.page').then((m) => m.VisitListPage),
);
// The registrars' and the administration's parts bring their German texts (i18n/text-parts.ts).
export const ReviewRoutes = lazyPage(() =>
  Promise.all([import('../features/review/review.routes'), loadTexts('review')]).then(
    ([m]) => m.ReviewRoutes,
  ),
);
export const SubjectRequestsRoutes = lazyPage(() =>
  Promise.all([
    import('../features/subject-requests/subject-requests.routes'),
    loadTexts('subjectRequests'),
  ]).then(([m]) => m.SubjectRequestsRoutes),
);
// The data protection officer's audit log, with its German texts.
export const AuditRoutes = lazyPage(() =>
  Promise.all([import('../features/audit/audit.routes'), loadTexts('audit')]).then(
    ([m]) => m.AuditRoutes,
  ),
);
// The record of processing activities (DPO and administrators), with its German texts.
export const RecordsRoutes = lazyPage(() =>
  Promise.all([import('../features/records/records.routes'), loadTexts('records')]).then(
    ([m]) => m.RecordsRoutes,
  ),
);
// Statistics for registrars and the data protection officer, with their German texts.
export const StatisticsRoutes = lazyPage(() =>
  Promise.all([import('../features/statistics/statistics.routes'), loadTexts('statistics')]).then(
    ([m]) => m.StatisticsRoutes,
  ),
);
export const AdminRoutes = lazyPage(() =>
  Promise.all([import('../features/admin/admin.routes'), loadTexts('admin')]).then(
    ([m]) => m.AdminRoutes,
  ),
);
export const SecurityPage = lazyPage(() =>
  import('../features/mfa/security.page').then((m) => m.SecurityPage),
);
export const SecondFactorGate = lazyPage(() =>
  import('../features/mfa/second-factor.gate').then((m) => m.SecondFactorGate),
);
export const RecoveryCodesPendingPage = lazyPage(() =>
  import('../features/mfa/recovery-codes-pending.page').then((m) => m.RecoveryCodesPendingPage),
);
export const SetupPage = lazyPage(() =>
  import('../features/setup/setup.page').then((m) => m.SetupPage),
);
export const ActivationPage = lazyPage(() =>
  import('../features/activation/activation.page').then((m) => m.ActivationPage),
);

const AREAS: Record<RouteArea, { preload(): Promise<unknown> }> = {
  reports: ReportsRoutes,
  review: ReviewRoutes,
  'subject-requests': SubjectRequestsRoutes,
  lookup: LookupRoutes,
  audit: AuditRoutes,
  records: RecordsRoutes,
  statistics: StatisticsRoutes,
  admin: AdminRoutes,
};

/**
 * Starts loading the page for the path the app opens on, while the session is still being
 * asked for: the start page then costs no extra round trip after sign-in is known. Resolves
 * when it is in (or failed: the page's own boundary reports that when it renders).
 */
export async function preloadPage(path: string): Promise<void> {
  const area = routeArea(path);
  const page = area ? AREAS[area] : path === '/' ? HomePage : null;
  await page?.preload().catch(() => undefined);
}
