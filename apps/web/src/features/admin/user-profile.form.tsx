import type { Department, UserDetail } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { FormActions } from '../../ui/form-actions';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { departmentOptions } from './department-options';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { useAdminApi } from './use-admin-api';
import { asApiError } from '../../ui/use-resource';

const FIELDS = ['displayName', 'departmentCode'] as const;
type Field = (typeof FIELDS)[number];
const ID = 'profile-';

/** Change an account's display name and department; sends only what changed. */
export function UserProfileForm({
  account,
  departments,
  onSaved,
  onCancel,
}: {
  account: UserDetail;
  departments: readonly Department[];
  onSaved(user: UserDetail): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [departmentCode, setDepartmentCode] = useState(account.department?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const labels: Record<Field, string> = {
    displayName: t('admin.users.displayName'),
    departmentCode: t('admin.users.department'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const changes = {
      ...(displayName.trim() !== account.displayName ? { displayName: displayName.trim() } : {}),
      ...(departmentCode && departmentCode !== account.department?.code ? { departmentCode } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await admin.updateUser(account.id, changes));
    } catch (error) {
      const next = formFailure(asApiError(error), FIELDS, translator, {
        idPrefix: ID,
        labels,
        codeFields: { 'department.unknown': 'departmentCode' },
      });
      setFailure(next);
      setBusy(false);
    }
  }

  const error = failure?.byField ?? {};
  return (
    <form className="kern-stack-md" noValidate onSubmit={handleSubmit}>
      <FailureAlert failure={failure} />
      <div className="zm-form-grid">
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
          options={departmentOptions(
            departments,
            account.department ? undefined : { value: '', label: t('admin.users.noDepartment') },
          )}
          value={departmentCode}
          onValueChange={setDepartmentCode}
          error={error.departmentCode}
        />
      </div>
      <FormActions
        busy={busy}
        submitLabel={t('admin.common.save')}
        busyLabel={t('admin.common.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
