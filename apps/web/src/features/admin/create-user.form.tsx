import type { CreatedUser, Department } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { departmentOptions } from './department-options';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { useAdminApi } from './use-admin-api';
import { asApiError } from '../../ui/use-resource';

const FIELDS = ['username', 'displayName', 'departmentCode'] as const;
type Field = (typeof FIELDS)[number];
const ID = 'new-user-';

/**
 * A new employee account; it starts with the role "reporter" only and without a password: the
 * answer carries the one-time activation link with which the employee sets their own.
 */
export function CreateUserForm({
  departments,
  onCreated,
}: {
  departments: readonly Department[];
  onCreated(user: CreatedUser): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [departmentCode, setDepartmentCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);

  const labels: Record<Field, string> = {
    username: t('admin.users.username'),
    displayName: t('admin.users.displayName'),
    departmentCode: t('admin.users.department'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await admin.createUser({
        username: username.trim().toLowerCase(),
        displayName: displayName.trim(),
        departmentCode,
      });
      onCreated(created);
    } catch (error) {
      const next = formFailure(asApiError(error), FIELDS, translator, {
        idPrefix: ID,
        labels,
        codeFields: {
          'user.username_taken': 'username',
          'department.unknown': 'departmentCode',
        },
      });
      setFailure(next);
      const first = next.summary[0];
      if (first) document.getElementById(first.id)?.focus();
    }
    setBusy(false);
  }

  const error = failure?.byField ?? {};
  return (
    <form className="kern-stack-md" noValidate onSubmit={handleSubmit}>
      <FailureAlert failure={failure} />
      <div className="zm-form-grid">
        <TextField
          id={`${ID}username`}
          label={labels.username}
          hint={t('setup.usernameHint')}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          value={username}
          onValueChange={setUsername}
          error={error.username}
        />
        <TextField
          id={`${ID}displayName`}
          label={labels.displayName}
          required
          autoComplete="off"
          maxLength={120}
          value={displayName}
          onValueChange={setDisplayName}
          error={error.displayName}
        />
        <SelectField
          id={`${ID}departmentCode`}
          label={labels.departmentCode}
          required
          options={departmentOptions(departments, {
            value: '',
            label: t('admin.users.chooseDepartment'),
          })}
          value={departmentCode}
          onValueChange={setDepartmentCode}
          error={error.departmentCode}
        />
      </div>
      <Button
        type="submit"
        icon="add"
        label={busy ? t('admin.common.saving') : t('admin.users.create')}
        aria-disabled={busy || undefined}
      />
    </form>
  );
}
