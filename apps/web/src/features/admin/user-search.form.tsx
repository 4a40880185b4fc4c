import { type Department, ROLES } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { departmentOptions } from './department-options';
import { EMPTY_FILTER, type UserFilter, type UserStatusFilter } from './user-filter';

/** Text, department, role and status; submitting starts at page one. */
export function UserSearchForm({
  initial,
  departments,
  onSearch,
}: {
  initial: UserFilter;
  departments: readonly Department[];
  onSearch(filter: UserFilter): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof UserFilter>(key: K, value: UserFilter[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ ...draft, page: 0 });
  }

  return (
    <form
      className="kern-stack-md"
      role="search"
      aria-label={t('admin.users.searchLabel')}
      onSubmit={handleSubmit}
    >
      <div className="zm-filter-grid">
        <TextField
          id="search-q"
          type="search"
          label={t('admin.users.query')}
          hint={t('admin.users.queryHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={draft.q}
          onValueChange={(value) => set('q', value)}
        />
        <SelectField
          id="search-department"
          label={t('admin.users.department')}
          options={departmentOptions(departments, { value: '', label: t('admin.users.any') })}
          value={draft.departmentCode}
          onValueChange={(value) => set('departmentCode', value)}
        />
        <SelectField
          id="search-role"
          label={t('admin.users.role')}
          options={[
            { value: '', label: t('admin.users.any') },
            ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
          ]}
          value={draft.role}
          onValueChange={(value) => set('role', value as UserFilter['role'])}
        />
        <SelectField
          id="search-status"
          label={t('admin.users.status')}
          options={(['active', 'disabled', 'all'] as const).map((status) => ({
            value: status,
            label: t(`admin.users.statusFilter.${status}`),
          }))}
          value={draft.status}
          onValueChange={(value) => set('status', value as UserStatusFilter)}
        />
      </div>
      <div className="zm-actions">
        <Button type="submit" icon="search" label={t('admin.users.search')} />
        <Button
          variant="tertiary"
          label={t('admin.users.reset')}
          onClick={() => {
            setDraft(EMPTY_FILTER);
            onSearch(EMPTY_FILTER);
          }}
        />
      </div>
    </form>
  );
}
