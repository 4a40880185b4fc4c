import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import type { Arrival } from './outbox-store';
import './outbox.css';

/**
 * "Eingegangen – Nr. …": reports from this phone that arrived, also when they were sent in the
 * background (timer, Background Sync). Shown until the employee dismisses them.
 */
export function OutboxArrivals({
  arrivals,
  onDismiss,
}: {
  arrivals: readonly Arrival[];
  onDismiss(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  if (arrivals.length === 0) return null;
  return (
    <Alert
      variant="success"
      title={t('reports.outbox.arrivedTitle', { count: arrivals.length })}
      role="status"
    >
      <ul className="kern-list zm-arrivals" data-testid="outbox-arrivals">
        {arrivals.map((arrival) => {
          const time = formatDateTime(arrival.arrivedAt, i18n.language);
          const text = arrival.reference
            ? t('reports.outbox.arrived', { reference: arrival.reference, time })
            : t('reports.outbox.arrivedNoReference', { time });
          return (
            <li key={arrival.id} className="zm-arrivals__item">
              {arrival.incidentId ? (
                <AppLink href={`/reports/${arrival.incidentId}`} className="kern-link">
                  {text}
                </AppLink>
              ) : (
                <span>{text}</span>
              )}
              <Button
                variant="tertiary"
                label={t('reports.outbox.dismiss')}
                aria-label={t('reports.outbox.dismissLabel', {
                  reference: arrival.reference ?? '',
                })}
                onClick={() => onDismiss(arrival.id)}
              />
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
