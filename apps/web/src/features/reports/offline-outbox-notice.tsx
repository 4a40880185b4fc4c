import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert';
import { browserOutbox } from './outbox.browser';

/**
 * Shown when the app starts without reaching the server: the reports waiting on this device
 * are safe and will be sent once the connection and the session are back. Only a count: who
 * is signed in is unknown here, so nothing is decrypted.
 */
export function OfflineOutboxNotice() {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);

  useEffect(() => {
    const outbox = browserOutbox();
    let cancelled = false;
    const read = () =>
      void outbox.countAll().then(
        (n) => {
          if (!cancelled) setCount(n);
        },
        () => undefined,
      );
    read();
    const unsubscribe = outbox.subscribe(read);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);

  if (count === 0) return null;
  return (
    <Alert variant="warning" title={t('reports.outbox.savedTitle')} role="status">
      <p className="kern-body" data-testid="offline-outbox-count">
        {t('reports.outbox.pendingCount', { count })}
      </p>
    </Alert>
  );
}
