import { useTranslation } from 'react-i18next';
import { AdminRoutes, isAdminPath } from '../features/admin/admin.routes';
import { HomePage } from '../features/home/home.page';
import { useSession } from '../features/identity/session.context';
import { SignInPage } from '../features/identity/sign-in.page';
import { SecondFactorGate } from '../features/mfa/second-factor.gate';
import { LookupRoutes, isLookupPath } from '../features/lookup/lookup.routes';
import { SecurityPage } from '../features/mfa/security.page';
import { OfflineOutboxNotice } from '../features/reports/offline-outbox-notice';
import { OutboxSync } from '../features/reports/outbox-sync';
import { ReportsRoutes, isReportsPath } from '../features/reports/reports.routes';
import { ReviewRoutes, isReviewPath } from '../features/review/review.routes';
import {
  SubjectRequestsRoutes,
  isSubjectRequestsPath,
} from '../features/subject-requests/subject-requests.routes';
import { ActivationPage } from '../features/activation/activation.page';
import { SetupPage } from '../features/setup/setup.page';
import { OfflineVisitLink } from '../features/visits/offline-visit-link';
import { VisitListExpiry } from '../features/visits/visit-expiry';
import { VisitListPage } from '../features/visits/visit-list.page';
import { useTranslator } from '../i18n/use-translator';
import { problemMessage } from '../api/problem-message';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Loading } from '../ui/loading';
import { NotFoundPage } from './not-found.page';
import { Redirect } from './redirect';
import { useRoute } from './router';

/**
 * Which page to show for the current path and session; the report outbox syncs beside it, and
 * a visit list kept on the device is deleted when its time is up.
 */
export function AppRoutes() {
  return (
    <>
      <OutboxSync />
      <VisitListExpiry />
      <Page />
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
        <OfflineOutboxNotice />
        <OfflineVisitLink />
        <Button variant="secondary" label={t('app.retry')} onClick={reload} />
      </div>
    );
  }
  const signedIn = state.status === 'signed-in';
  // A required second factor comes first, on whatever page the user was heading to.
  if (signedIn && !state.session.mfa.satisfied) return <SecondFactorGate session={state.session} />;
  if (path === '/security')
    return signedIn ? <SecurityPage session={state.session} /> : <SignInPage />;
  if (path === '/sign-in') return signedIn ? <Redirect to="/" /> : <SignInPage />;
  if (path === '/') return signedIn ? <HomePage user={state.session.user} /> : <SignInPage />;
  if (isReportsPath(path)) {
    return signedIn ? <ReportsRoutes path={path} user={state.session.user} /> : <SignInPage />;
  }
  if (isReviewPath(path)) {
    return signedIn ? <ReviewRoutes path={path} user={state.session.user} /> : <SignInPage />;
  }
  if (isSubjectRequestsPath(path)) {
    return signedIn ? (
      <SubjectRequestsRoutes path={path} user={state.session.user} />
    ) : (
      <SignInPage />
    );
  }
  if (isLookupPath(path)) {
    return signedIn ? <LookupRoutes path={path} user={state.session.user} /> : <SignInPage />;
  }
  if (isAdminPath(path)) {
    return signedIn ? <AdminRoutes path={path} user={state.session.user} /> : <SignInPage />;
  }
  return <NotFoundPage />;
}
