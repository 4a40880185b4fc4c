import type { ActivationLink, UserDetail } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ActivationLinkPanel } from './activation-link.panel';
import { takeActivationLink } from './activation-link';
import { formatDateTime } from '../../ui/format';
import { useAdminApi } from './use-admin-api';
import { asApiError } from '../../ui/use-resource';

/**
 * Activation and open status requests of one account: the link shown once after creating
 * it, a new link while the employee has not activated the account, and a waiting request to
 * disable or enable it (confirmed by a second person on the confirmations page).
 */
export function UserAccessSection({ account }: { account: UserDetail }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [link, setLink] = useState<ActivationLink | null>(() => takeActivationLink(account.id));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function reissue() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setLink(await admin.reissueActivationLink(account.id));
    } catch (failure) {
      setError(problemMessage(asApiError(failure), translator));
    }
    setBusy(false);
  }

  const request = account.statusRequest;
  return (
    <>
      {request ? (
        <Alert
          variant="warning"
          title={t(
            request.action === 'disable'
              ? 'admin.statusRequests.disableWaiting'
              : 'admin.statusRequests.enableWaiting',
          )}
          role="status"
        >
          <p className="kern-body">
            {t('admin.statusRequests.requestedBy', {
              name: request.requestedBy.displayName,
              date: formatDateTime(request.requestedAt, i18n.language),
            })}
          </p>
        </Alert>
      ) : null}
      {link ? <ActivationLinkPanel link={link} name={account.displayName} /> : null}
      {!account.activated && !account.disabled && !link ? (
        <section className="zm-panel kern-stack-md" aria-labelledby="activation-title">
          <h2 className="kern-heading-medium" id="activation-title">
            {t('admin.activation.title')}
          </h2>
          <p className="kern-body">{t('admin.activation.notYet')}</p>
          {error ? (
            <Alert variant="danger" title={t('admin.common.failed')} role="alert">
              <p className="kern-body">{error}</p>
            </Alert>
          ) : null}
          <div className="zm-actions">
            <Button
              variant="secondary"
              icon="autorenew"
              label={busy ? t('admin.common.saving') : t('admin.activation.reissue')}
              aria-disabled={busy || undefined}
              onClick={() => void reissue()}
            />
          </div>
        </section>
      ) : null}
    </>
  );
}
