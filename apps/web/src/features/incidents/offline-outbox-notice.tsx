import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { NewReportPage } from './new-report.page';
import { OneTapReport } from './one-tap-report';
import type { OutboxOwner } from './outbox';
import { browserOutbox } from './outbox.browser';
import './reports.css';

/**
 * Shown when the app starts without reaching the server: how many reports wait on this
 * device, and — for the user who used the outbox last and has not signed out since — the
 * one-tap and the quick report, kept on the device until the connection and the session are back.
 */
export function OfflineOutboxNotice() {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  const [owner, setOwner] = useState<OutboxOwner | null>(null);
  const [reporting, setReporting] = useState(false);

  useEffect(() => {
    const outbox = browserOutbox();
    let cancelled = false;
    const read = () => {
      outbox.countAll().then(
        (n) => {
          if (!cancelled) setCount(n);
        },
        () => undefined,
      );
      outbox.lastOwner().then(
        (o) => {
          if (!cancelled) setOwner(o);
        },
        () => undefined,
      );
    };
    read();
    const unsubscribe = outbox.subscribe(read);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);

  if (reporting && owner) return <NewReportPage ownerId={owner.id} offline />;
  return (
    <>
      {count > 0 ? (
        <Alert variant="warning" title={t('reports.outbox.savedTitle')} role="status">
          <p className="kern-body" data-testid="offline-outbox-count">
            {t('reports.outbox.pendingCount', { count })}
          </p>
        </Alert>
      ) : null}
      {owner ? (
        <div className="kern-stack-sm">
          <p className="kern-body">{t('reports.offline.intro', { name: owner.displayName })}</p>
          <OneTapReport ownerId={owner.id} offline />
          <Button
            variant="secondary"
            block
            icon="add"
            className="zm-report-button"
            label={t('reports.home.report')}
            onClick={() => setReporting(true)}
          />
        </div>
      ) : null}
    </>
  );
}
