import { type CurrentUser, type Department, telephoneHref } from '@zemag/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ColumnHeads } from '../../ui/column-heads';
import { AdminLayout } from './admin-layout';
import { DepartmentForm } from './department.form';
import { ResourceState } from '../../ui/resource-state';
import { useAdminApi } from './use-admin-api';
import { useResource } from '../../ui/use-resource';

/** The departments, with whether they may look up the register and why; create and edit. */
export function DepartmentsPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const admin = useAdminApi();
  const [resource, reload] = useResource(() => admin.departments(), 'departments');
  const [editing, setEditing] = useState<Department | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const departments = resource.data ?? [];
  const byCode = new Map(departments.map((d) => [d.code, d]));

  function edit(department: Department) {
    setEditing(department);
    setNotice(null);
    setFormKey((n) => n + 1);
    requestAnimationFrame(() => {
      formHeading.current?.scrollIntoView({ block: 'start' });
      formHeading.current?.focus();
    });
  }

  function saved(department: Department, created: boolean) {
    setNotice(
      t(created ? 'admin.departments.created' : 'admin.departments.updated', {
        name: department.name,
      }),
    );
    setEditing(null);
    setFormKey((n) => n + 1);
    reload();
  }

  return (
    <AdminLayout
      user={user}
      current="departments"
      title={t('admin.departments.title')}
      intro={t('admin.departments.intro')}
    >
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
      <section className="zm-panel kern-stack-md" aria-labelledby="departments-list">
        <h2 className="kern-heading-medium" id="departments-list">
          {t('admin.departments.listTitle')}
        </h2>
        <ResourceState resource={resource} reload={reload} />
        {departments.some((d) => !d.phone) ? (
          <Alert
            variant="warning"
            title={t('admin.departments.phonesMissing', {
              count: departments.filter((d) => !d.phone).length,
            })}
          >
            <p className="kern-body">{t('admin.departments.phoneMissing')}</p>
          </Alert>
        ) : null}
        {resource.data && departments.length === 0 ? (
          <p className="kern-body">{t('admin.departments.none')}</p>
        ) : null}
        {departments.length > 0 ? (
          <table className="kern-table kern-table--small zm-table zm-table--stack">
            <caption className="kern-sr-only">{t('admin.departments.listTitle')}</caption>
            <ColumnHeads
              columns={[
                t('admin.departments.code'),
                t('admin.departments.name'),
                t('admin.departments.parent'),
                t('admin.departments.lookups'),
                { label: t('admin.departments.users'), numeric: true },
                { label: t('admin.common.actions'), screenReaderOnly: true },
              ]}
            />
            <tbody className="kern-table__body">
              {departments.map((department) => {
                const parent = department.parentCode ? byCode.get(department.parentCode) : null;
                return (
                  <tr key={department.id} className="kern-table__row">
                    <th
                      scope="row"
                      className="kern-table__header zm-nowrap"
                      data-label={t('admin.departments.code')}
                    >
                      {department.code}
                    </th>
                    <td className="kern-table__cell" data-label={t('admin.departments.name')}>
                      {department.name}
                      {department.phone ? (
                        <a
                          className="kern-link zm-cell-note"
                          href={telephoneHref(department.phone)}
                        >
                          {department.phone}
                        </a>
                      ) : (
                        <span className="zm-cell-note">
                          <Badge
                            variant="warning"
                            label={t('admin.departments.phoneMissingBadge')}
                          />
                        </span>
                      )}
                      {department.contact ? (
                        <span className="zm-cell-note">{department.contact}</span>
                      ) : null}
                    </td>
                    <td className="kern-table__cell" data-label={t('admin.departments.parent')}>
                      {department.parentCode
                        ? `${department.parentCode}${parent ? ` – ${parent.name}` : ''}`
                        : '–'}
                    </td>
                    <td className="kern-table__cell" data-label={t('admin.departments.lookups')}>
                      {department.lookupAuthorised ? (
                        <>
                          <Badge variant="success" label={t('admin.departments.authorised')} />
                          {department.lookupAuthorisationReason ? (
                            <span className="zm-cell-note">
                              {department.lookupAuthorisationReason}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        t('admin.departments.notAuthorised')
                      )}
                    </td>
                    <td
                      className="kern-table__cell kern-table__cell--numeric"
                      data-label={t('admin.departments.users')}
                    >
                      {department.userCount}
                    </td>
                    <td className="kern-table__cell kern-table__cell--action zm-cell-actions">
                      <Button
                        variant="tertiary"
                        icon="edit"
                        label={t('admin.departments.edit')}
                        aria-label={t('admin.departments.editNamed', { name: department.name })}
                        onClick={() => edit(department)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="zm-panel kern-stack-md" aria-labelledby="department-form-title">
        <h2
          className="kern-heading-medium"
          id="department-form-title"
          tabIndex={-1}
          ref={formHeading}
        >
          {editing
            ? t('admin.departments.editTitle', { name: editing.name })
            : t('admin.departments.createTitle')}
        </h2>
        <DepartmentForm
          key={formKey}
          editing={editing}
          departments={departments}
          onSaved={saved}
          onCancel={() => {
            setEditing(null);
            setFormKey((n) => n + 1);
          }}
        />
      </section>
    </AdminLayout>
  );
}
