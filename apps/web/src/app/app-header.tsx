import { useTranslation } from 'react-i18next';
import { useSession } from '../features/identity/session.context';
import { adminPagesFor } from '../features/admin/admin-nav';
import { SignOutButton } from '../features/identity/sign-out-button';
import { AppLink } from './app-link';
import { LanguageSwitch } from './language-switch';

/** App name, language switch and — when signed in — sign-out. */
export function AppHeader() {
  const { t } = useTranslation();
  const { state } = useSession();
  const adminHome =
    state.status === 'signed-in' ? adminPagesFor(state.session.user.abilities)[0] : undefined;
  return (
    <header className="zm-header">
      <div className="kern-container zm-container zm-header__bar">
        <AppLink href="/" className="zm-brand">
          <img className="zm-brand__logo" src="/favicon.svg" alt="" width="32" height="32" />
          <span className="zm-brand__text">
            <span className="zm-brand__name">{t('app.name')}</span>
            <span className="zm-brand__tagline">{t('app.tagline')}</span>
          </span>
        </AppLink>
        <div className="zm-header__actions">
          {adminHome ? (
            <AppLink
              href={adminHome.path}
              className="kern-btn kern-btn--tertiary zm-header__button"
            >
              <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
              <span className="kern-label kern-sr-only-mobile">{t('admin.header.link')}</span>
            </AppLink>
          ) : null}
          {state.status === 'signed-in' && state.session.mfa.satisfied ? (
            <AppLink href="/security" className="kern-btn kern-btn--tertiary zm-header__button">
              <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
              <span className="kern-label kern-sr-only-mobile">{t('mfa.security.link')}</span>
            </AppLink>
          ) : null}
          <LanguageSwitch />
          {state.status === 'signed-in' ? <SignOutButton /> : null}
        </div>
      </div>
    </header>
  );
}
