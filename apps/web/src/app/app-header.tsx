import { useTranslation } from 'react-i18next';
import { useSession } from '../features/identity/session.context';
import { adminPagesFor } from '../features/admin/admin-nav';
import { SignOutButton } from '../features/identity/sign-out-button';
import { AppLink } from './app-link';
import { LanguageSwitch } from './language-switch';

/**
 * The logo (public/favicon.svg) drawn inline: as an image it was one more request before the
 * first page could finish drawing, on every page.
 */
function BrandMark() {
  return (
    <svg
      className="zm-brand__logo"
      viewBox="0 0 64 64"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="64" height="64" rx="12" fill="#1a3da5" />
      <path d="M32 9 51 15.5V30c0 12.2-8.1 20.6-19 25C21.1 50.6 13 42.2 13 30V15.5Z" fill="#fff" />
      <path
        d="M24 23.5h16L24 39.5h16"
        fill="none"
        stroke="#1a3da5"
        strokeWidth="4.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

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
          <BrandMark />
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
