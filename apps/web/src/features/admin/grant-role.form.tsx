import { ROLES, type Role, type UserDetail } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { DateField } from '../../ui/date-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { needsSecondAdmin } from './grant-status';
import { useAdminApi } from './use-admin-api';
import { asApiError } from '../../ui/use-resource';

const FIELDS = ['role', 'endsOn'] as const;
type Field = (typeof FIELDS)[number];
const ID = 'grant-';

/**
 * Give a role, optionally until a date. Roles the user already has (or waits for) are not
 * offered; whether the role fits is the server's decision, shown next to the field.
 */
export function GrantRoleForm({
  account,
  onGranted,
}: {
  account: UserDetail;
  onGranted(role: Role, status: 'pending' | 'active'): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const held = new Set(
    account.grants
      // an ended or lapsed grant no longer works: granting anew replaces it
      .filter((g) => g.status !== 'expired' && g.status !== 'lapsed' && g.status !== 'revoked')
      .map((grant) => grant.role),
  );
  const offered = ROLES.filter((role) => !held.has(role));
  const [role, setRole] = useState<Role | ''>('');
  const [endsOn, setEndsOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const labels: Record<Field, string> = {
    role: t('admin.grant.role'),
    endsOn: t('admin.grant.endsOn'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!role) {
      setFailure({
        byField: { role: t('admin.grant.chooseRole') },
        summary: [{ id: `${ID}role`, text: `${labels.role}: ${t('admin.grant.chooseRole')}` }],
        message: '',
      });
      document.getElementById(`${ID}role`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const { status } = await admin.grantRole(account.id, { role, endsOn: endsOn || null });
      setRole('');
      setEndsOn('');
      setBusy(false);
      onGranted(role, status);
    } catch (error) {
      setFailure(
        formFailure(asApiError(error), FIELDS, translator, {
          idPrefix: ID,
          labels,
          codeFields: {
            'grant.already_held': 'role',
            'grant.incompatible_roles': 'role',
            'grant.department_not_authorised': 'role',
            'grant.self_grant': 'role',
            'grant.end_in_past': 'endsOn',
          },
        }),
      );
      setBusy(false);
    }
  }

  const error = failure?.byField ?? {};
  return (
    <form className="kern-stack-md" noValidate onSubmit={handleSubmit}>
      <FailureAlert failure={failure} />
      <div className="zm-form-grid">
        <SelectField
          id={`${ID}role`}
          label={labels.role}
          required
          options={[
            { value: '', label: t('admin.grant.chooseRole') },
            ...offered.map((r) => ({
              value: r,
              label: needsSecondAdmin(r)
                ? t('admin.grant.roleFourEyes', { role: t(`roles.${r}`) })
                : t(`roles.${r}`),
            })),
          ]}
          value={role}
          onValueChange={(value) => setRole(value as Role | '')}
          error={error.role}
        />
        <DateField
          id={`${ID}endsOn`}
          label={labels.endsOn}
          hint={t('admin.grant.endsOnHint')}
          value={endsOn}
          onValueChange={setEndsOn}
          error={error.endsOn}
        />
      </div>
      {role && needsSecondAdmin(role) ? (
        <Alert variant="info" title={t('admin.grant.fourEyesTitle')} role="status">
          <p className="kern-body">{t('admin.grant.fourEyes', { role: t(`roles.${role}`) })}</p>
        </Alert>
      ) : (
        <p className="kern-body kern-body--small kern-body--muted">
          {t('admin.grant.fourEyesNote')}
        </p>
      )}
      <Button
        type="submit"
        label={busy ? t('admin.common.saving') : t('admin.grant.submit')}
        aria-disabled={busy || undefined}
      />
    </form>
  );
}
