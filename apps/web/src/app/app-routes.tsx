import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/identity/session.context';
import { ReturnAfterSso } from '../features/identity/return-after-sso';
import { pathAfterSignIn } from '../features/identity/return-path';
import { SignInPage } from '../features/identity/sign-in.page';
import { OutboxSync } from '../features/incidents/outbox-sync';
import { OfflineVisitLink } from '../features/visits/offline-visit-link';
import { VisitListExpiry } from '../features/visits/visit-expiry';
import { useTranslator } from '../i18n/use-translator';
import { problemMessage } from '../api/problem-message';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Loading } from '../ui/loading';
import {
  ActivationPage,
  AdminRoutes,
  AuditRoutes,
  RecordsRoutes,
  HomePage,
  LookupRoutes,
  OfflineOutboxNotice,
  ReportsRoutes,
  ReviewRoutes,
  RecoveryCodesPendingPage,
  SecondFactorGate,
  SecurityPage,
  SetupPage,
  StatisticsRoutes,
  SubjectRequestsRoutes,
  VisitListPage,
} from './lazy-pages';
import { NotFoundPage } from './not-found.page';
import { PageLoadBoundary } from './page-load-boundary';
import { Redirect } from './redirect';
import { routeArea } from './route-areas';
import { useRoute } from './router';

const AREA_ROUTES = {
  reports: ReportsRoutes,
  review: ReviewRoutes,
  'subject-requests': SubjectRequestsRoutes,
  lookup: LookupRoutes,
  audit: AuditRoutes,
  records: RecordsRoutes,
  statistics: StatisticsRoutes,
  admin: AdminRoutes,
} as const;

/**
 * Which page to show for the current path and session; the report outbox syncs beside it, and
 * a visit list kept on the device is deleted when its time is up.
 */
export function AppRoutes() {
  return (
    <>
      <OutboxSync />
      <ReturnAfterSso />
      <VisitListExpiry />
      <PageLoadBoundary>
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </PageLoadBoundary>
    </>
  );
}

function Page() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const { path } = useRoute();
  const { state, reload } = useSession();

  if (path === '/setup') return <SetupPage />;
  if (path === '/activate') return <ActivationPage />;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    // Without the server, the visit list kept on this device is still there for the shift.
    if (path === '/visits') return <VisitListPage ownerId={null} offlineStart />;
    return (
      <div className="zm-narrow kern-stack-lg">
        <Alert variant="danger" title={problemMessage(state.error, translator)} role="alert" />
        <Suspense fallback={null}>
          <OfflineOutboxNotice />
        </Suspense>
        <OfflineVisitLink />
        <Button variant="secondary" label={t('app.retry')} onClick={reload} />
      </div>
    );
  }
  const signedIn = state.status === 'signed-in';
  // A required second factor comes first, on whatever page the user was heading to.
  if (signedIn && !state.session.mfa.satisfied) return <SecondFactorGate session={state.session} />;
  // Recovery codes shown but not confirmed as kept: new ones, confirmed, before anything else.
  if (signedIn && state.session.mfa.recoveryCodesUnconfirmed)
    return <RecoveryCodesPendingPage session={state.session} />;
  if (path === '/security')
    return signedIn ? <SecurityPage session={state.session} /> : <SignInPage />;
  if (path === '/sign-in')
    return signedIn ? <Redirect to={pathAfterSignIn(window.location)} /> : <SignInPage />;
  if (path === '/') return signedIn ? <HomePage user={state.session.user} /> : <SignInPage />;
  const area = routeArea(path);
  if (area) {
    if (!signedIn) return <SignInPage />;
    const AreaRoutes = AREA_ROUTES[area];
    return <AreaRoutes path={path} user={state.session.user} />;
  }
  return <NotFoundPage />;
}
