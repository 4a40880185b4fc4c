import type { LookupReason } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import type { PurposeDraft } from './lookup-form.model';

/** A reason's text in the UI language. */
export function reasonLabel(reason: LookupReason, language: string): string {
  return language.toLowerCase().startsWith('en') ? reason.en : reason.de;
}

/**
 * The mandatory purpose of a look-up or a visit list: the file it belongs to and a reason from
 * the configured list. Field ids are `<idPrefix>fileNumber` and `<idPrefix>reason`.
 */
export function PurposeFields({
  idPrefix,
  value,
  reasons,
  errors,
  onChange,
}: {
  idPrefix: string;
  value: PurposeDraft;
  reasons: readonly LookupReason[] | undefined;
  errors: Partial<Record<'fileNumber' | 'reason', string>>;
  onChange(patch: Partial<PurposeDraft>): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="kern-fieldset zm-lookup-group">
      <legend className="kern-label kern-label--large">{t('lookup.purpose.legend')}</legend>
      <div className="kern-fieldset__body zm-lookup-fields">
        <p className="kern-hint">{t('lookup.purpose.hint')}</p>
        <TextField
          id={`${idPrefix}fileNumber`}
          label={t('lookup.purpose.fileNumber')}
          hint={t('lookup.purpose.fileNumberHint')}
          value={value.fileNumber}
          error={errors.fileNumber}
          onValueChange={(fileNumber) => onChange({ fileNumber })}
          autoComplete="off"
          required
          maxLength={100}
        />
        <SelectField
          id={`${idPrefix}reason`}
          label={t('lookup.purpose.reason')}
          value={value.reason}
          error={errors.reason}
          onValueChange={(reason) => onChange({ reason })}
          required
          options={[
            {
              value: '',
              label: reasons ? t('lookup.purpose.choose') : t('lookup.purpose.loading'),
            },
            ...(reasons ?? []).map((r) => ({
              value: r.code,
              label: reasonLabel(r, i18n.language),
            })),
          ]}
        />
      </div>
    </fieldset>
  );
}
