import { useTranslation } from 'react-i18next';
import { useSession } from '../features/identity/session.context';
import { SignOutButton } from '../features/identity/sign-out-button';
import { AppLink } from './app-link';
import { LanguageSwitch } from './language-switch';

/** App name, language switch and — when signed in — sign-out. */
export function AppHeader() {
  const { t } = useTranslation();
  const { state } = useSession();
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
          <LanguageSwitch />
          {state.status === 'signed-in' ? <SignOutButton /> : null}
        </div>
      </div>
    </header>
  );
}
