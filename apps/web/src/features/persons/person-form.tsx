import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { DateField } from '../../ui/date-field';
import { TextareaField } from '../../ui/textarea-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { asApiError } from '../../ui/use-resource';
import {
  type PersonForm,
  personFieldOf,
  personInputFromForm,
  renameFieldErrors,
} from '../review/review.model';
import type { PersonInput } from '@zemag/contracts';

const FIELDS = [
  'familyName',
  'givenNames',
  'dateOfBirth',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

/** A new person record, prefilled from the report and editable before it is created. */
export function NewPersonForm({
  idPrefix,
  initial,
  onCreate,
  onCancel,
}: {
  idPrefix: string;
  initial: PersonForm;
  onCreate(input: PersonInput): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const id = (field: Field) => `${idPrefix}${field}`;
  const label = (field: Field) => t(`review.person.fields.${field}`);
  const set = (field: Field) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (form.familyName.trim() === '') {
      setFailure({
        byField: { familyName: t('review.person.familyNameRequired') },
        summary: [
          {
            id: id('familyName'),
            text: `${label('familyName')}: ${t('review.person.familyNameRequired')}`,
          },
        ],
        message: '',
      });
      document.getElementById(id('familyName'))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onCreate(personInputFromForm(form));
    } catch (error) {
      const renamed = renameFieldErrors(asApiError(error), personFieldOf);
      setFailure(
        formFailure(renamed, FIELDS, translator, {
          idPrefix,
          labels: Object.fromEntries(FIELDS.map((f) => [f, label(f)])),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const text = (field: Field, extra: { hint?: string; autoComplete?: string } = {}) => (
    <TextField
      id={id(field)}
      label={label(field)}
      value={form[field]}
      onValueChange={set(field)}
      error={failure?.byField[field]}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <form className="kern-stack-md" noValidate onSubmit={submit}>
      <FailureAlert failure={failure} />
      <div className="zm-form-grid">
        {text('familyName')}
        {text('givenNames')}
        <DateField
          id={id('dateOfBirth')}
          label={label('dateOfBirth')}
          hint={t('review.person.dateOfBirthHint')}
          value={form.dateOfBirth}
          onValueChange={set('dateOfBirth')}
          error={failure?.byField.dateOfBirth}
          partial
        />
        {text('street')}
        {text('houseNumber')}
        {text('postalCode')}
        {text('city')}
      </div>
      <TextareaField
        id={id('notes')}
        label={label('notes')}
        hint={t('review.person.notesHint')}
        value={form.notes}
        onValueChange={set('notes')}
        error={failure?.byField.notes}
        maxLength={2000}
      />
      <div className="zm-actions">
        <Button
          type="submit"
          icon="add"
          label={busy ? t('admin.common.working') : t('review.person.create')}
          aria-disabled={busy || undefined}
        />
        <Button variant="secondary" label={t('admin.common.cancel')} onClick={onCancel} />
      </div>
    </form>
  );
}
