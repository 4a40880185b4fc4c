import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';

type Permission = NotificationPermission | 'unsupported';

function currentPermission(): Permission {
  return typeof Notification === 'undefined' || !('serviceWorker' in navigator)
    ? 'unsupported'
    : Notification.permission;
}

/**
 * Lets the employee allow a notification when a report arrives while the app is closed. The
 * browser asks only after this button: never by itself.
 */
export function NotifyOnArrival() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  if (permission === 'unsupported' || permission === 'denied') return null;
  if (permission === 'granted') {
    return <p className="kern-body kern-body--small">{t('reports.outbox.notifyOn')}</p>;
  }
  return (
    <div className="zm-actions">
      <Button
        variant="tertiary"
        label={t('reports.outbox.notify')}
        onClick={() => {
          void Notification.requestPermission().then(setPermission, () => undefined);
        }}
      />
    </div>
  );
}
