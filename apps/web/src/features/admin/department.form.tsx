import type { Department, DepartmentInput } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { CheckboxField } from '../../ui/checkbox-field';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { TextareaField } from '../../ui/textarea-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { useAdminApi } from './use-admin-api';
import { asApiError } from '../../ui/use-resource';

const FIELDS = [
  'code',
  'name',
  'parentCode',
  'phone',
  'contact',
  'lookupAuthorised',
  'lookupAuthorisationReason',
] as const;
type Field = (typeof FIELDS)[number];
const ID = 'department-';

/** Create a department, or edit `editing`. The reason is asked for only with look-ups. */
export function DepartmentForm({
  editing,
  departments,
  onSaved,
  onCancel,
}: {
  editing: Department | null;
  departments: readonly Department[];
  onSaved(department: Department, created: boolean): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const admin = useAdminApi();
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [parentCode, setParentCode] = useState(editing?.parentCode ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const [contact, setContact] = useState(editing?.contact ?? '');
  const [lookupAuthorised, setLookupAuthorised] = useState(editing?.lookupAuthorised ?? false);
  const [reason, setReason] = useState(editing?.lookupAuthorisationReason ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);

  const labels: Record<Field, string> = {
    code: t('admin.departments.code'),
    name: t('admin.departments.name'),
    parentCode: t('admin.departments.parent'),
    phone: t('admin.departments.phone'),
    contact: t('admin.departments.contact'),
    lookupAuthorised: t('admin.departments.lookupAuthorised'),
    lookupAuthorisationReason: t('admin.departments.reason'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input: DepartmentInput = {
      code: code.trim(),
      name: name.trim(),
      parentCode: parentCode || null,
      contact: contact.trim() || null,
      phone: phone.trim(),
      lookupAuthorised,
      lookupAuthorisationReason: lookupAuthorised ? reason.trim() || null : null,
    };
    setBusy(true);
    setFailure(null);
    try {
      const saved = editing
        ? await admin.updateDepartment(editing.id, input)
        : await admin.createDepartment(input);
      onSaved(saved, editing === null);
    } catch (error) {
      const next = formFailure(asApiError(error), FIELDS, translator, {
        idPrefix: ID,
        labels,
        codeFields: {
          'department.code_taken': 'code',
          'department.unknown': 'parentCode',
          'department.parent_cycle': 'parentCode',
        },
      });
      setFailure(next);
      setBusy(false);
      const first = next.summary[0];
      if (first) document.getElementById(first.id)?.focus();
      return;
    }
    setBusy(false);
  }

  const parents = [
    { value: '', label: t('admin.departments.noParent') },
    ...departments
      .filter((d) => d.id !== editing?.id)
      .map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` })),
  ];
  const error = failure?.byField ?? {};
  return (
    <form className="kern-stack-md" noValidate onSubmit={handleSubmit}>
      <FailureAlert failure={failure} />
      <div className="zm-form-grid">
        <TextField
          id={`${ID}code`}
          label={labels.code}
          hint={t('admin.departments.codeHint')}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          value={code}
          onValueChange={setCode}
          error={error.code}
        />
        <TextField
          id={`${ID}name`}
          label={labels.name}
          hint={t('admin.departments.nameHint')}
          required
          autoComplete="off"
          maxLength={200}
          value={name}
          onValueChange={setName}
          error={error.name}
        />
        <SelectField
          id={`${ID}parentCode`}
          label={labels.parentCode}
          options={parents}
          value={parentCode}
          onValueChange={setParentCode}
          error={error.parentCode}
        />
        <TextField
          id={`${ID}phone`}
          type="tel"
          label={labels.phone}
          hint={t('admin.departments.phoneHint')}
          required
          autoComplete="off"
          maxLength={40}
          value={phone}
          onValueChange={setPhone}
          error={
            error.phone ??
            (editing && !editing.phone ? t('admin.departments.phoneMissing') : undefined)
          }
        />
        <TextField
          id={`${ID}contact`}
          label={labels.contact}
          hint={t('admin.departments.contactHint')}
          autoComplete="off"
          maxLength={500}
          value={contact}
          onValueChange={setContact}
          error={error.contact}
        />
      </div>
      <CheckboxField
        id={`${ID}lookupAuthorised`}
        label={labels.lookupAuthorised}
        hint={t('admin.departments.lookupHint')}
        checked={lookupAuthorised}
        onCheckedChange={setLookupAuthorised}
      />
      {lookupAuthorised ? (
        <TextareaField
          id={`${ID}lookupAuthorisationReason`}
          label={labels.lookupAuthorisationReason}
          hint={t('admin.departments.reasonHint')}
          required
          maxLength={1000}
          value={reason}
          onValueChange={setReason}
          error={error.lookupAuthorisationReason}
        />
      ) : null}
      <div className="zm-actions">
        <Button
          type="submit"
          label={
            busy
              ? t('admin.common.saving')
              : editing
                ? t('admin.common.save')
                : t('admin.departments.create')
          }
          aria-disabled={busy || undefined}
        />
        {editing ? (
          <Button variant="secondary" label={t('admin.common.cancel')} onClick={onCancel} />
        ) : null}
      </div>
    </form>
  );
}
