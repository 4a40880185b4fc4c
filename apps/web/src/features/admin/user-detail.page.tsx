import type { CurrentUser, Role, UserDetail } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { AdminNav } from './admin-nav';
import { takeFlash } from '../../ui/flash';
import { formatDateTime } from '../../ui/format';
import { GrantRoleForm } from './grant-role.form';
import { ReasonDialog } from './reason-dialog';
import { ResourceState } from '../../ui/resource-state';
import { useAdminApi } from './use-admin-api';
import { asApiError, useResource } from '../../ui/use-resource';
import { type GrantAction, UserGrantsTable } from './user-grants.table';
import { UserFactorsSection } from './user-factors.section';
import { UserAccessSection } from './user-access.section';
import { UserProfileForm } from './user-profile.form';

type Pending =
  { kind: 'disable' } | { kind: 'revoke'; role: Role } | { kind: 'decline'; role: Role } | null;

/** One account: details, enable/disable, and its role grants. */
export function UserDetailPage({ user, id }: { user: CurrentUser; id: string }) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [resource, reload] = useResource(() => admin.user(id), id);
  const [departments] = useResource(() => admin.departments(), 'departments');
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(() => takeFlash());
  const [actionError, setActionError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Pending>(null);
  const account: UserDetail | undefined = resource.data;
  const heading = usePage(account?.displayName ?? t('admin.user.title'));

  function done(message: string) {
    setNotice(message);
    setActionError(null);
    setDialog(null);
    reload();
  }

  async function quick(action: () => Promise<unknown>, message: string) {
    setActionError(null);
    setNotice(null);
    try {
      // An action may answer with its own message (e.g. "waits for a second person").
      const own = await action();
      done(typeof own === 'string' ? own : message);
    } catch (error) {
      setActionError(problemMessage(asApiError(error), translator));
    }
  }

  function onGrantAction(action: GrantAction, role: Role) {
    const roleName = t(`roles.${role}`);
    if (action === 'confirm') {
      void quick(
        () => admin.confirmGrant(id, role),
        t('admin.grants.confirmed', { role: roleName, name: account?.displayName ?? '' }),
      );
    } else {
      setDialog({ kind: action, role });
    }
  }

  async function confirmDialog(reason: string) {
    if (!dialog || !account) return;
    if (dialog.kind === 'disable') {
      const after = await admin.disableUser(id, reason);
      done(
        t(after.statusRequest ? 'admin.user.disableRequested' : 'admin.user.disabledNotice', {
          name: account.displayName,
        }),
      );
    } else if (dialog.kind === 'revoke') {
      await admin.revokeGrant(id, dialog.role, reason);
      done(
        t('admin.grants.revoked', { role: t(`roles.${dialog.role}`), name: account.displayName }),
      );
    } else {
      await admin.declineGrant(id, dialog.role, reason);
      done(
        t('admin.grants.declined', { role: t(`roles.${dialog.role}`), name: account.displayName }),
      );
    }
  }

  const dialogRole = dialog && dialog.kind !== 'disable' ? t(`roles.${dialog.role}`) : '';
  const dialogText = dialog
    ? {
        disable: {
          title: t('admin.user.disableTitle'),
          description: t('admin.user.disableText', { name: account?.displayName ?? '' }),
          confirm: t('admin.user.disable'),
        },
        revoke: {
          title: t('admin.grants.revokeTitle', { role: dialogRole }),
          description: t('admin.grants.revokeText', {
            role: dialogRole,
            name: account?.displayName ?? '',
          }),
          confirm: t('admin.grants.revoke'),
        },
        decline: {
          title: t('admin.grants.declineTitle', { role: dialogRole }),
          description: t('admin.grants.declineText', {
            role: dialogRole,
            name: account?.displayName ?? '',
          }),
          confirm: t('admin.grants.decline'),
        },
      }[dialog.kind]
    : null;

  return (
    <div className="zm-admin kern-stack-lg">
      <AdminNav abilities={user.abilities} current="users" />
      <p className="kern-body">
        <AppLink className="kern-link" href="/admin/users">
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          {t('admin.user.back')}
        </AppLink>
      </p>
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {account?.displayName ?? t('admin.user.title')}
        </h1>
        {account ? (
          <p className="kern-body kern-body--muted">
            {account.username}
            {account.disabled ? (
              <>
                {' '}
                <Badge variant="danger" label={t('admin.users.disabled')} />
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      {actionError ? (
        <Alert variant="danger" title={t('admin.common.failed')} role="alert">
          <p className="kern-body">{actionError}</p>
        </Alert>
      ) : null}
      <ResourceState resource={resource} reload={reload} />
      {account ? (
        <>
          <section className="zm-panel kern-stack-md" aria-labelledby="profile-title">
            <h2 className="kern-heading-medium" id="profile-title">
              {t('admin.user.profileTitle')}
            </h2>
            {editing ? (
              <UserProfileForm
                account={account}
                departments={departments.data ?? []}
                onSaved={(saved) => {
                  setEditing(false);
                  done(t('admin.user.saved', { name: saved.displayName }));
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <>
                <dl className="kern-description-list">
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('admin.users.username')}</dt>
                    <dd className="kern-description-list-item__value">{account.username}</dd>
                  </div>
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">
                      {t('admin.users.department')}
                    </dt>
                    <dd className="kern-description-list-item__value">
                      {account.department
                        ? `${account.department.code} – ${account.department.name}`
                        : t('admin.users.noDepartment')}
                    </dd>
                  </div>
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('admin.user.created')}</dt>
                    <dd className="kern-description-list-item__value">
                      {formatDateTime(account.createdAt, i18n.language)}
                    </dd>
                  </div>
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('admin.user.signIn')}</dt>
                    <dd className="kern-description-list-item__value">
                      {account.hasPassword
                        ? t('admin.user.hasPassword')
                        : account.activated
                          ? t('admin.user.noPassword')
                          : t('admin.user.notActivated')}
                    </dd>
                  </div>
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('admin.users.status')}</dt>
                    <dd className="kern-description-list-item__value">
                      {account.disabled ? t('admin.users.disabled') : t('admin.users.active')}
                    </dd>
                  </div>
                </dl>
                <div className="zm-actions">
                  <Button
                    variant="secondary"
                    icon="edit"
                    label={t('admin.user.edit')}
                    onClick={() => setEditing(true)}
                  />
                  {account.statusRequest ? null : account.disabled ? (
                    <Button
                      variant="secondary"
                      label={t('admin.user.enable')}
                      onClick={() =>
                        void quick(
                          async () =>
                            (await admin.enableUser(id)).statusRequest
                              ? t('admin.user.enableRequested', { name: account.displayName })
                              : null,
                          t('admin.user.enabledNotice', { name: account.displayName }),
                        )
                      }
                    />
                  ) : (
                    <Button
                      variant="secondary"
                      icon="close"
                      label={t('admin.user.disable')}
                      onClick={() => setDialog({ kind: 'disable' })}
                    />
                  )}
                </div>
              </>
            )}
          </section>
          <UserAccessSection key={account.id} account={account} />
          <UserFactorsSection userId={account.id} name={account.displayName} />
          <section className="zm-panel kern-stack-md" aria-labelledby="grants-title">
            <h2 className="kern-heading-medium" id="grants-title">
              {t('admin.user.grantsTitle')}
            </h2>
            <UserGrantsTable
              grants={account.grants}
              currentUserId={user.id}
              onAction={onGrantAction}
            />
          </section>
          {!account.disabled ? (
            <section className="zm-panel kern-stack-md" aria-labelledby="grant-title">
              <h2 className="kern-heading-medium" id="grant-title">
                {t('admin.grant.title')}
              </h2>
              <GrantRoleForm
                account={account}
                onGranted={(role, status) =>
                  done(
                    t(status === 'active' ? 'admin.grant.active' : 'admin.grant.pending', {
                      role: t(`roles.${role}`),
                      name: account.displayName,
                    }),
                  )
                }
              />
            </section>
          ) : null}
        </>
      ) : null}
      <ReasonDialog
        open={dialog !== null}
        title={dialogText?.title ?? ''}
        description={dialogText?.description ?? ''}
        confirmLabel={dialogText?.confirm ?? ''}
        onCancel={() => setDialog(null)}
        onConfirm={confirmDialog}
      />
    </div>
  );
}
