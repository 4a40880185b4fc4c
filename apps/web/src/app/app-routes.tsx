import { useTranslation } from 'react-i18next';
import { AdminRoutes, isAdminPath } from '../features/admin/admin.routes';
import { HomePage } from '../features/home/home.page';
import { useSession } from '../features/identity/session.context';
import { SignInPage } from '../features/identity/sign-in.page';
import { SecondFactorGate } from '../features/mfa/second-factor.gate';
import { SecurityPage } from '../features/mfa/security.page';
import { SetupPage } from '../features/setup/setup.page';
import { useTranslator } from '../i18n/use-translator';
import { problemMessage } from '../api/problem-message';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Loading } from '../ui/loading';
import { NotFoundPage } from './not-found.page';
import { Redirect } from './redirect';
import { useRoute } from './router';

/** Which page to show for the current path and session. */
export function AppRoutes() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const { path } = useRoute();
  const { state, reload } = useSession();

  if (path === '/setup') return <SetupPage />;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <div className="zm-narrow kern-stack-lg">
        <Alert variant="danger" title={problemMessage(state.error, translator)} role="alert" />
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
  if (isAdminPath(path)) {
    return signedIn ? <AdminRoutes path={path} user={state.session.user} /> : <SignInPage />;
  }
  return <NotFoundPage />;
}
