import { useTranslation } from 'react-i18next';
import { DemoBanner } from '../features/demo/demo-banner';
import { AppHeader } from './app-header';
import { AppRoutes } from './app-routes';
import { SkipLink } from './skip-link';

/** Skip link, demo banner (demo instances only), header, the page in the main landmark, footer. */
export function AppShell() {
  const { t } = useTranslation();
  return (
    <div className="zm-shell">
      <SkipLink />
      <DemoBanner />
      <AppHeader />
      <main id="main" className="zm-main" tabIndex={-1}>
        <div className="kern-container zm-container">
          <AppRoutes />
        </div>
      </main>
      <footer className="zm-footer">
        <div className="kern-container zm-container">
          <p className="kern-body kern-body--small kern-body--muted">{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
