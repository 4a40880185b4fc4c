import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { useOutbox } from './use-outbox';

/**
 * "Saved on this device": how many reports wait to be sent, with "send now". Refused ones
 * are counted apart: they wait for a correction, not for a connection.
 */
export function OutboxNotice({
  ownerId,
  showLink = true,
}: {
  ownerId: string;
  showLink?: boolean;
}) {
  const { t } = useTranslation();
  const { entries, sendNow } = useOutbox(ownerId);
  const [sending, setSending] = useState(false);
  if (!entries || entries.length === 0) return null;
  const pending = entries.filter((e) => e.state === 'pending').length;
  const refused = entries.length - pending;

  async function send() {
    if (sending) return;
    setSending(true);
    try {
      await sendNow();
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="kern-stack-sm" data-testid="outbox-notice">
      {pending > 0 ? (
        <Alert variant="warning" title={t('reports.outbox.savedTitle')} role="status">
          <div className="kern-stack-sm">
            <p className="kern-body">{t('reports.outbox.pendingCount', { count: pending })}</p>
            <div className="zm-actions">
              <Button
                variant="secondary"
                icon="autorenew"
                label={sending ? t('reports.outbox.sending') : t('reports.outbox.sendNow')}
                aria-disabled={sending || undefined}
                onClick={() => void send()}
              />
              {showLink ? (
                <AppLink href="/reports" className="kern-link">
                  {t('reports.outbox.showList')}
                </AppLink>
              ) : null}
            </div>
          </div>
        </Alert>
      ) : null}
      {refused > 0 ? (
        <Alert variant="danger" title={t('reports.outbox.refusedTitle')} role="status">
          <p className="kern-body">
            {t('reports.outbox.refusedCount', { count: refused })}{' '}
            {showLink ? (
              <AppLink href="/reports" className="kern-link">
                {t('reports.outbox.showList')}
              </AppLink>
            ) : null}
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
