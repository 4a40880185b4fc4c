import type { CurrentUser, PendingGrant, Role } from '@zemag/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ColumnHeads } from '../../ui/column-heads';
import { AdminLayout } from './admin-layout';
import { formatDate, localToday } from '../../ui/format';
import { recertificationState } from './grant-status';
import { PersonStamp } from './person-stamp';
import { ReasonDialog } from './reason-dialog';
import { ResourceState } from '../../ui/resource-state';
import { StatusRequestsSection } from './status-requests.section';
import { type Resource, asApiError, useResource } from '../../ui/use-resource';
import { useAdminApi } from './use-admin-api';

type Dialog = { kind: 'decline' | 'revoke'; item: PendingGrant } | null;

const key = (item: PendingGrant) => `${item.user.id}:${item.grant.role}`;

/** The two admin work queues: grants to confirm (four-eyes) and grants to re-certify. */
export function GrantsPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [pending, reloadPending] = useResource(() => admin.pendingGrants(), 'pending');
  const [due, reloadDue] = useResource(() => admin.dueGrants(), 'due');
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const names = (item: PendingGrant) => ({
    role: t(`roles.${item.grant.role}`),
    name: item.user.displayName,
  });

  function done(message: string) {
    setNotice(message);
    setActionError(null);
    setDialog(null);
    reloadPending();
    reloadDue();
  }

  async function quick<T>(action: () => Promise<T>, message: string | ((result: T) => string)) {
    setNotice(null);
    setActionError(null);
    try {
      const result = await action();
      done(typeof message === 'string' ? message : message(result));
    } catch (error) {
      setActionError(problemMessage(asApiError(error), translator));
    }
  }

  async function confirmDialog(reason: string) {
    if (!dialog) return;
    const { id } = dialog.item.user;
    const role: Role = dialog.item.grant.role;
    if (dialog.kind === 'decline') {
      await admin.declineGrant(id, role, reason);
      done(t('admin.grants.declined', names(dialog.item)));
    } else {
      await admin.revokeGrant(id, role, reason);
      done(t('admin.grants.revoked', names(dialog.item)));
    }
  }

  return (
    <AdminLayout
      user={user}
      current="grants"
      title={t('admin.grants.title')}
      intro={t('admin.grants.intro')}
    >
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      {actionError ? (
        <Alert variant="danger" title={t('admin.common.failed')} role="alert">
          <p className="kern-body">{actionError}</p>
        </Alert>
      ) : null}

      <section className="zm-panel kern-stack-md" aria-labelledby="pending-title">
        <h2 className="kern-heading-medium" id="pending-title">
          {t('admin.grants.pendingTitle')}
        </h2>
        <p className="kern-body">{t('admin.grants.pendingIntro')}</p>
        <Queue
          resource={pending}
          reload={reloadPending}
          empty={t('admin.grants.pendingNone')}
          caption={t('admin.grants.pendingTitle')}
          dateColumn="granted"
          actions={(item) => {
            const n = names(item);
            const own = item.grant.grantedBy?.id === user.id;
            return (
              <>
                {own ? (
                  <span className="zm-cell-note">{t('admin.grants.ownGrant')}</span>
                ) : (
                  <Button
                    icon="check"
                    label={t('admin.grants.confirm')}
                    aria-label={t('admin.grants.confirmFor', n)}
                    onClick={() =>
                      void quick(
                        () => admin.confirmGrant(item.user.id, item.grant.role),
                        t('admin.grants.confirmed', n),
                      )
                    }
                  />
                )}
                <Button
                  variant="secondary"
                  label={t('admin.grants.decline')}
                  aria-label={t('admin.grants.declineFor', n)}
                  onClick={() => setDialog({ kind: 'decline', item })}
                />
              </>
            );
          }}
        />
      </section>

      <StatusRequestsSection user={user} />

      <section className="zm-panel kern-stack-md" aria-labelledby="due-title">
        <h2 className="kern-heading-medium" id="due-title">
          {t('admin.grants.dueTitle')}
        </h2>
        <p className="kern-body">{t('admin.grants.dueIntro')}</p>
        <Queue
          resource={due}
          reload={reloadDue}
          empty={t('admin.grants.dueNone')}
          caption={t('admin.grants.dueTitle')}
          dateColumn="recertify"
          actions={(item) => {
            const n = names(item);
            return (
              <>
                <Button
                  icon="check"
                  label={t('admin.grants.recertify')}
                  aria-label={t('admin.grants.recertifyFor', n)}
                  onClick={() =>
                    void quick(
                      () => admin.recertifyGrant(item.user.id, item.grant.role),
                      ({ status }) =>
                        t(
                          status === 'pending'
                            ? 'admin.grants.recertifiedPending'
                            : 'admin.grants.recertified',
                          n,
                        ),
                    )
                  }
                />
                <Button
                  variant="secondary"
                  icon="delete"
                  label={t('admin.grants.revoke')}
                  aria-label={t('admin.grants.revokeFor', n)}
                  onClick={() => setDialog({ kind: 'revoke', item })}
                />
              </>
            );
          }}
        />
      </section>

      <ReasonDialog
        open={dialog !== null}
        title={
          dialog
            ? t(
                dialog.kind === 'decline'
                  ? 'admin.grants.declineTitle'
                  : 'admin.grants.revokeTitle',
                names(dialog.item),
              )
            : ''
        }
        description={
          dialog
            ? t(
                dialog.kind === 'decline' ? 'admin.grants.declineText' : 'admin.grants.revokeText',
                names(dialog.item),
              )
            : ''
        }
        confirmLabel={
          dialog?.kind === 'decline' ? t('admin.grants.decline') : t('admin.grants.revoke')
        }
        onCancel={() => setDialog(null)}
        onConfirm={confirmDialog}
      />
    </AdminLayout>
  );
}

/** A list of (user, grant) with per-row actions; a table on desks, cards on phones. */
function Queue({
  resource,
  reload,
  empty,
  caption,
  dateColumn,
  actions,
}: {
  resource: Resource<PendingGrant[]>;
  reload(): void;
  empty: string;
  caption: string;
  dateColumn: 'granted' | 'recertify';
  actions(item: PendingGrant): ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const today = localToday();
  const items = resource.data;
  if (resource.status === 'error' || !items) {
    return <ResourceState resource={resource} reload={reload} />;
  }
  if (items.length === 0) return <p className="kern-body zm-empty">{empty}</p>;
  return (
    <table className="kern-table kern-table--small zm-table zm-table--stack">
      <caption className="kern-sr-only">{caption}</caption>
      <ColumnHeads
        columns={[
          t('admin.grants.person'),
          t('admin.grant.role'),
          t(dateColumn === 'granted' ? 'admin.grant.grantedBy' : 'admin.grant.recertifyBy'),
          t('admin.grant.endsOn'),
          { label: t('admin.common.actions'), screenReaderOnly: true },
        ]}
      />
      <tbody className="kern-table__body">
        {items.map((item) => {
          const recert = recertificationState(item.grant.recertifyBy, today);
          return (
            <tr key={key(item)} className="kern-table__row">
              <th scope="row" className="kern-table__header zm-cell-title">
                <AppLink className="kern-link" href={`/admin/users/${item.user.id}`}>
                  {item.user.displayName}
                </AppLink>
                <span className="zm-cell-note">{item.user.username}</span>
              </th>
              <td className="kern-table__cell" data-label={t('admin.grant.role')}>
                {t(`roles.${item.grant.role}`)}
              </td>
              {dateColumn === 'granted' ? (
                <td className="kern-table__cell" data-label={t('admin.grant.grantedBy')}>
                  <PersonStamp person={item.grant.grantedBy} at={item.grant.grantedAt} />
                </td>
              ) : (
                <td className="kern-table__cell" data-label={t('admin.grant.recertifyBy')}>
                  {formatDate(item.grant.recertifyBy, i18n.language)}{' '}
                  <Badge
                    variant={recert === 'overdue' ? 'danger' : 'warning'}
                    label={t(`admin.grant.recert.${recert === 'overdue' ? 'overdue' : 'due'}`)}
                  />
                </td>
              )}
              <td className="kern-table__cell" data-label={t('admin.grant.endsOn')}>
                {item.grant.endsOn
                  ? formatDate(item.grant.endsOn, i18n.language)
                  : t('admin.grant.noEnd')}
              </td>
              <td className="kern-table__cell kern-table__cell--action zm-cell-actions">
                {actions(item)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
