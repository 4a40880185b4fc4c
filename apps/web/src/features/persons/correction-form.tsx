import type { Person } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { FormActions } from '../../ui/form-actions';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { DateField } from '../../ui/date-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { asApiError } from '../../ui/use-resource';
import {
  type AddressRow,
  correctionFieldOf,
  correctionFormOf,
  EMPTY_ADDRESS,
  type NameRow,
  type PersonCorrectionForm,
  personCorrectionRequest,
} from './correction.model';
import { EditableList, ReasonField } from '../review/correction-parts';
import { renameFieldErrors } from '../review/review.model';

const ADDRESS_FIELDS = [
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'validFrom',
  'validTo',
] as const;
const P = 'correct-';

/** "Daten berichtigen": names, aliases, date of birth and addresses, with a reason (Art. 16). */
export function PersonCorrectionForm({
  person,
  onCorrect,
  onCancel,
}: {
  person: Person;
  onCorrect(request: ReturnType<typeof personCorrectionRequest>): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [form, setForm] = useState<PersonCorrectionForm>(() => correctionFormOf(person));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<string> | null>(null);
  const f = (field: string) => `correction.fields.${field}`;

  const fields = [
    'reason',
    'familyName',
    'givenNames',
    'dateOfBirth',
    ...form.names.flatMap((_, i) => [`names.${i}.familyName`, `names.${i}.givenNames`]),
    ...form.addresses.flatMap((_, i) => ADDRESS_FIELDS.map((a) => `addresses.${i}.${a}`)),
  ];
  const labelOf = (field: string) => {
    const parts = field.split('.');
    if (parts.length === 1) return t(f(field));
    return `${t(f(parts[0]!))} ${Number(parts[1]) + 1}: ${t(f(parts[2]!))}`;
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (form.reason.trim().length < 10) {
      setFailure({
        byField: { reason: t('correction.reasonTooShort') },
        summary: [
          { id: `${P}reason`, text: `${t(f('reason'))}: ${t('correction.reasonTooShort')}` },
        ],
        message: '',
      });
      document.getElementById(`${P}reason`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onCorrect(personCorrectionRequest(person, form));
    } catch (error) {
      const renamed = renameFieldErrors(asApiError(error), correctionFieldOf);
      setFailure(
        formFailure(renamed, fields, translator, {
          idPrefix: P,
          labels: Object.fromEntries(fields.map((x) => [x, labelOf(x)])),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const setTop =
    (field: 'familyName' | 'givenNames' | 'dateOfBirth' | 'reason') => (value: string) =>
      setForm((s) => ({ ...s, [field]: value }));
  const setName = (i: number, patch: Partial<NameRow>) =>
    setForm((s) => ({ ...s, names: s.names.map((n, j) => (j === i ? { ...n, ...patch } : n)) }));
  const setAddress = (i: number, patch: Partial<AddressRow>) =>
    setForm((s) => ({
      ...s,
      addresses: s.addresses.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    }));
  const text = (field: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <TextField
      id={`${P}${field}`}
      label={field.includes('.') ? t(f(field.split('.')[2]!)) : t(f(field))}
      value={value}
      onValueChange={onChange}
      error={failure?.byField[field]}
      autoComplete="off"
      {...(hint ? { hint } : {})}
    />
  );

  return (
    <form className="kern-stack-md" noValidate onSubmit={submit} aria-label={t('correction.title')}>
      <FailureAlert failure={failure} />
      <div className="zm-form-grid">
        {text('familyName', form.familyName, setTop('familyName'))}
        {text('givenNames', form.givenNames, setTop('givenNames'))}
        <DateField
          id={`${P}dateOfBirth`}
          label={t(f('dateOfBirth'))}
          hint={t('review.person.dateOfBirthHint')}
          value={form.dateOfBirth}
          onValueChange={setTop('dateOfBirth')}
          error={failure?.byField.dateOfBirth}
          partial
        />
      </div>
      <div className="kern-stack-sm">
        <h3 className="kern-heading-small">{t('correction.namesTitle')}</h3>
        <EditableList
          items={form.names}
          itemLabel={(i) => `${t(f('names'))} ${i + 1}`}
          addLabel={t('correction.addName')}
          onAdd={() =>
            setForm((s) => ({
              ...s,
              names: [...s.names, { kind: 'alias', familyName: '', givenNames: '' }],
            }))
          }
          onRemove={(i) => setForm((s) => ({ ...s, names: s.names.filter((_, j) => j !== i) }))}
          renderItem={(n, i) => (
            <>
              <SelectField
                id={`${P}names.${i}.kind`}
                label={t(f('kind'))}
                value={n.kind}
                options={(['alias', 'former'] as const).map((k) => ({
                  value: k,
                  label: t(`review.personPage.nameKind.${k}`),
                }))}
                onValueChange={(v) => setName(i, { kind: v as NameRow['kind'] })}
              />
              {text(`names.${i}.familyName`, n.familyName, (v) => setName(i, { familyName: v }))}
              {text(`names.${i}.givenNames`, n.givenNames, (v) => setName(i, { givenNames: v }))}
            </>
          )}
        />
      </div>
      <div className="kern-stack-sm">
        <h3 className="kern-heading-small">{t('correction.addressesTitle')}</h3>
        <p className="kern-body">{t('correction.addressesHint')}</p>
        <EditableList
          items={form.addresses}
          itemLabel={(i) => `${t(f('addresses'))} ${i + 1}`}
          addLabel={t('correction.addAddress')}
          onAdd={() => setForm((s) => ({ ...s, addresses: [...s.addresses, EMPTY_ADDRESS] }))}
          onRemove={(i) =>
            setForm((s) => ({ ...s, addresses: s.addresses.filter((_, j) => j !== i) }))
          }
          renderItem={(a, i) =>
            ADDRESS_FIELDS.map((field) =>
              field === 'validFrom' || field === 'validTo' ? (
                <DateField
                  key={field}
                  id={`${P}addresses.${i}.${field}`}
                  label={t(f(field))}
                  hint={t('correction.dateHint')}
                  value={a[field]}
                  onValueChange={(v) => setAddress(i, { [field]: v })}
                  error={failure?.byField[`addresses.${i}.${field}`]}
                />
              ) : (
                text(`addresses.${i}.${field}`, a[field], (v) => setAddress(i, { [field]: v }))
              ),
            )
          }
        />
      </div>
      <ReasonField
        id={`${P}reason`}
        value={form.reason}
        onChange={setTop('reason')}
        error={failure?.byField.reason}
      />
      <FormActions busy={busy} submitLabel={t('correction.submit')} onCancel={onCancel} />
    </form>
  );
}
