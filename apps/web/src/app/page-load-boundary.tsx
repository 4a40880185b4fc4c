import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="zm-narrow kern-stack-lg">
      <Alert variant="danger" title={t('app.pageLoadFailed')} role="alert" />
      <Button
        variant="secondary"
        label={t('app.reload')}
        onClick={() => window.location.reload()}
      />
    </div>
  );
}

/**
 * Pages load as separate files (lazy-pages.tsx). If one cannot be fetched — no connection
 * before the service worker had cached it, or an update replaced it — say so and offer a reload
 * instead of leaving an empty page.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
