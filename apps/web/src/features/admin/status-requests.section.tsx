import type { CurrentUser, PendingStatusRequest } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ColumnHeads } from '../../ui/column-heads';
import { PersonStamp } from './person-stamp';
import { ReasonDialog } from './reason-dialog';
import { ResourceState } from '../../ui/resource-state';
import { useAdminApi } from './use-admin-api';
import { asApiError, useResource } from '../../ui/use-resource';

/**
 * Requests to disable or re-enable an account holding a four-eyes role: another
 * administrator confirms; the requester may only withdraw. The target may consent to their
 * own disabling when they are the last administrator besides the requester (the server
 * decides; a refusal is shown as its message).
 */
export function StatusRequestsSection({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [requests, reload] = useResource(() => admin.statusRequests(), 'status-requests');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declining, setDeclining] = useState<PendingStatusRequest | null>(null);

  const names = (item: PendingStatusRequest) => ({
    name: item.user.displayName,
    action: t(`admin.statusRequests.action.${item.action}`),
  });

  async function confirm(item: PendingStatusRequest) {
    setNotice(null);
    setError(null);
    try {
      await admin.confirmStatusRequest(item.user.id);
      setNotice(t(`admin.statusRequests.confirmed.${item.action}`, names(item)));
      reload();
    } catch (failure) {
      setError(problemMessage(asApiError(failure), translator));
    }
  }

  async function decline(reason: string) {
    if (!declining) return;
    await admin.declineStatusRequest(declining.user.id, reason);
    setNotice(t('admin.statusRequests.declined', names(declining)));
    setError(null);
    setDeclining(null);
    reload();
  }

  const items = requests.data;
  return (
    <section className="zm-panel kern-stack-md" aria-labelledby="status-requests-title">
      <h2 className="kern-heading-medium" id="status-requests-title">
        {t('admin.statusRequests.title')}
      </h2>
      <p className="kern-body">{t('admin.statusRequests.intro')}</p>
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      {error ? (
        <Alert variant="danger" title={t('admin.common.failed')} role="alert">
          <p className="kern-body">{error}</p>
        </Alert>
      ) : null}
      <ResourceState resource={requests} reload={reload} />
      {items && items.length === 0 ? (
        <p className="kern-body zm-empty">{t('admin.statusRequests.none')}</p>
      ) : null}
      {items && items.length > 0 ? (
        <table className="kern-table kern-table--small zm-table zm-table--stack">
          <caption className="kern-sr-only">{t('admin.statusRequests.title')}</caption>
          <ColumnHeads
            columns={[
              t('admin.grants.person'),
              t('admin.statusRequests.request'),
              t('admin.statusRequests.requestedByColumn'),
              { label: t('admin.common.actions'), screenReaderOnly: true },
            ]}
          />
          <tbody className="kern-table__body">
            {items.map((item) => {
              const n = names(item);
              const own = item.requestedBy.id === user.id;
              return (
                <tr key={item.user.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header zm-cell-title">
                    <AppLink className="kern-link" href={`/admin/users/${item.user.id}`}>
                      {item.user.displayName}
                    </AppLink>
                    <span className="zm-cell-note">{item.user.username}</span>
                  </th>
                  <td className="kern-table__cell" data-label={t('admin.statusRequests.request')}>
                    {n.action}
                    {item.reason ? <span className="zm-cell-note">{item.reason}</span> : null}
                  </td>
                  <td
                    className="kern-table__cell"
                    data-label={t('admin.statusRequests.requestedByColumn')}
                  >
                    <PersonStamp person={item.requestedBy} at={item.requestedAt} />
                  </td>
                  <td className="kern-table__cell kern-table__cell--action zm-cell-actions">
                    {own ? (
                      <span className="zm-cell-note">{t('admin.statusRequests.own')}</span>
                    ) : (
                      <Button
                        icon="check"
                        label={t('admin.grants.confirm')}
                        aria-label={t('admin.statusRequests.confirmFor', n)}
                        onClick={() => void confirm(item)}
                      />
                    )}
                    <Button
                      variant="secondary"
                      label={own ? t('admin.statusRequests.withdraw') : t('admin.grants.decline')}
                      aria-label={t('admin.statusRequests.declineFor', n)}
                      onClick={() => setDeclining(item)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <ReasonDialog
        open={declining !== null}
        title={declining ? t('admin.statusRequests.declineTitle', names(declining)) : ''}
        description={declining ? t('admin.statusRequests.declineText', names(declining)) : ''}
        confirmLabel={t('admin.grants.decline')}
        onCancel={() => setDeclining(null)}
        onConfirm={decline}
      />
    </section>
  );
}
