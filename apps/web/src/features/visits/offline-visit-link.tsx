import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { formatDateTime } from '../../ui/format';
import { browserVisitStore } from './visit-store.browser';

/**
 * On the page shown when the app starts without reaching the server: the way to the visit
 * list kept on this device, while there is one.
 */
export function OfflineVisitLink() {
  const { t, i18n } = useTranslation();
  const [keepUntil, setKeepUntil] = useState<string | null>(null);
  useEffect(() => {
    const store = browserVisitStore();
    let cancelled = false;
    const read = () =>
      void store
        .purgeExpired()
        .catch(() => null)
        .then((until) => {
          if (!cancelled) setKeepUntil(until);
        });
    read();
    const unsubscribe = store.subscribe(read);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);
  if (!keepUntil) return null;
  return (
    <p className="kern-body">
      <AppLink href="/visits" className="kern-link zm-touch-link">
        {t('visits.offline.link', { keepUntil: formatDateTime(keepUntil, i18n.language) })}
      </AppLink>
    </p>
  );
}
