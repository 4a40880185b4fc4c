import type { CreatedUser, CurrentUser } from '@zemag/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { navigate } from '../../app/router';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ColumnHeads } from '../../ui/column-heads';
import { AdminLayout } from './admin-layout';
import { CreateUserForm } from './create-user.form';
import { keepActivationLink } from './activation-link';
import { setFlash } from '../../ui/flash';
import { ResourceState } from '../../ui/resource-state';
import { RoleBadges } from './role-badges';
import { useAdminApi } from './use-admin-api';
import { useResource } from '../../ui/use-resource';
import {
  PAGE_SIZE,
  type UserFilter,
  filterFromSearch,
  filterToSearch,
  pageCount,
  userSearchQuery,
} from './user-filter';
import { UserSearchForm } from './user-search.form';

/** Find accounts by name, department, role and status; create a new one. */
export function UsersPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const admin = useAdminApi();
  const [filter, setFilter] = useState<UserFilter>(() => filterFromSearch(window.location.search));
  const [creating, setCreating] = useState(false);
  const query = userSearchQuery(filter);
  const [results, reload] = useResource(() => admin.searchUsers(query), query);
  const [departments] = useResource(() => admin.departments(), 'departments');
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  function apply(next: UserFilter, focusResults = false) {
    setFilter(next);
    // The filter lives in the address, so "back" from an account returns to the same list.
    window.history.replaceState(window.history.state, '', `/admin/users${filterToSearch(next)}`);
    if (focusResults) resultsHeading.current?.focus();
  }

  function created(account: CreatedUser) {
    // The account's page shows the activation link once, with what happens next.
    keepActivationLink(account.id, account.activationLink);
    setFlash(t('admin.users.created', { name: account.displayName }));
    navigate(`/admin/users/${account.id}`);
  }

  const data = results.data;
  const pages = data ? pageCount(data.total, PAGE_SIZE) : 1;
  return (
    <AdminLayout user={user} current="users" title={t('admin.users.title')}>
      <div className="zm-actions">
        <Button
          variant={creating ? 'secondary' : 'primary'}
          icon={creating ? 'close' : 'add'}
          label={creating ? t('admin.users.closeCreate') : t('admin.users.openCreate')}
          aria-expanded={creating}
          aria-controls="new-user"
          onClick={() => setCreating((open) => !open)}
        />
      </div>
      <section
        id="new-user"
        className="zm-panel kern-stack-md"
        aria-labelledby="new-user-title"
        hidden={!creating}
      >
        <h2 className="kern-heading-medium" id="new-user-title">
          {t('admin.users.createTitle')}
        </h2>
        <p className="kern-body">{t('admin.users.createIntro')}</p>
        {creating ? (
          <CreateUserForm departments={departments.data ?? []} onCreated={created} />
        ) : null}
      </section>
      <section className="zm-panel kern-stack-md" aria-labelledby="user-search-title">
        <h2 className="kern-heading-medium" id="user-search-title">
          {t('admin.users.searchTitle')}
        </h2>
        <UserSearchForm
          key={filterToSearch({ ...filter, page: 0 })}
          initial={filter}
          departments={departments.data ?? []}
          onSearch={(next) => apply(next)}
        />
      </section>
      <section className="zm-panel kern-stack-md" aria-labelledby="user-results-title">
        <h2
          className="kern-heading-medium"
          id="user-results-title"
          tabIndex={-1}
          ref={resultsHeading}
        >
          {t('admin.users.resultsTitle')}
        </h2>
        <p className="kern-body" role="status">
          {data ? t('admin.users.found', { count: data.total }) : ''}
        </p>
        <ResourceState resource={results} reload={reload} />
        {data && data.users.length > 0 ? (
          <table
            className="kern-table kern-table--small zm-table zm-table--stack"
            aria-busy={results.status === 'loading' || undefined}
          >
            <caption className="kern-sr-only">{t('admin.users.resultsTitle')}</caption>
            <ColumnHeads
              columns={[
                t('admin.users.displayName'),
                t('admin.users.username'),
                t('admin.users.department'),
                t('admin.users.roles'),
                t('admin.users.status'),
              ]}
            />
            <tbody className="kern-table__body">
              {data.users.map((account) => (
                <tr key={account.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header zm-cell-title">
                    <AppLink className="kern-link" href={`/admin/users/${account.id}`}>
                      {account.displayName}
                    </AppLink>
                  </th>
                  <td className="kern-table__cell" data-label={t('admin.users.username')}>
                    {account.username}
                  </td>
                  <td className="kern-table__cell" data-label={t('admin.users.department')}>
                    {account.department
                      ? `${account.department.code} – ${account.department.name}`
                      : '–'}
                  </td>
                  <td className="kern-table__cell" data-label={t('admin.users.roles')}>
                    <RoleBadges roles={account.roles} pendingRoles={account.pendingRoles} />
                  </td>
                  <td className="kern-table__cell" data-label={t('admin.users.status')}>
                    {account.disabled ? (
                      <Badge variant="danger" label={t('admin.users.disabled')} />
                    ) : (
                      t('admin.users.active')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {data && pages > 1 ? (
          <nav className="zm-pager" aria-label={t('admin.users.pager')}>
            <Button
              variant="secondary"
              icon="chevron-left"
              label={t('admin.users.previous')}
              disabled={filter.page === 0}
              onClick={() => apply({ ...filter, page: filter.page - 1 }, true)}
            />
            <span className="kern-body">
              {t('admin.users.pageOf', { page: filter.page + 1, pages })}
            </span>
            <Button
              variant="secondary"
              label={t('admin.users.next')}
              disabled={filter.page + 1 >= pages}
              onClick={() => apply({ ...filter, page: filter.page + 1 }, true)}
            />
          </nav>
        ) : null}
      </section>
    </AdminLayout>
  );
}
