import { COMPLAINT_STATUSES, INJURIES } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { TextareaField } from '../../ui/textarea-field';
import type { DraftUpdate } from './place-fields';
import type { Injuries, ReportDraft } from './report-form.model';

type Errors = Readonly<Record<string, string>>;

/** The full report: what happened, injuries, police, criminal complaint. */
export function DetailFields({
  draft,
  update,
  errors,
}: {
  draft: ReportDraft;
  update: DraftUpdate;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const withFileNumber =
    draft.complaintStatus === 'yes' ||
    draft.complaintStatus === 'planned' ||
    draft.complaintFileNumber !== '';
  return (
    <div className="kern-stack-md">
      <TextareaField
        id="report-description"
        label={t('reports.fields.description')}
        hint={t('reports.form.descriptionHint')}
        rows={6}
        maxLength={10_000}
        value={draft.description}
        onValueChange={(description) => update({ description })}
        error={errors['report-description']}
      />
      <div className="zm-form-grid zm-form-grid--2">
        <SelectField
          id="report-injuries"
          label={t('reports.fields.injuries')}
          options={INJURIES.map((value) => ({ value, label: t(`reports.injuries.${value}`) }))}
          value={draft.injuries}
          onValueChange={(value) => update({ injuries: value as Injuries })}
          error={errors['report-injuries']}
        />
        <SelectField
          id="report-policeInvolved"
          label={t('reports.fields.policeInvolved')}
          options={[
            { value: '', label: t('reports.yesNo.unknown') },
            { value: 'yes', label: t('reports.yesNo.yes') },
            { value: 'no', label: t('reports.yesNo.no') },
          ]}
          value={draft.policeInvolved}
          onValueChange={(value) =>
            update({ policeInvolved: value === 'yes' || value === 'no' ? value : '' })
          }
          error={errors['report-policeInvolved']}
        />
        <SelectField
          id="report-criminalComplaint-status"
          label={t('reports.fields.criminalComplaint.status')}
          options={COMPLAINT_STATUSES.map((value) => ({
            value,
            label: t(`reports.complaint.${value}`),
          }))}
          value={draft.complaintStatus}
          onValueChange={(value) =>
            update({
              complaintStatus: COMPLAINT_STATUSES.find((s) => s === value) ?? 'unknown',
            })
          }
          error={errors['report-criminalComplaint-status']}
        />
        {withFileNumber ? (
          <TextField
            id="report-criminalComplaint-fileNumber"
            label={t('reports.fields.criminalComplaint.fileNumber')}
            hint={t('reports.form.fileNumberHint')}
            autoComplete="off"
            maxLength={60}
            value={draft.complaintFileNumber}
            onValueChange={(complaintFileNumber) => update({ complaintFileNumber })}
            error={errors['report-criminalComplaint-fileNumber']}
          />
        ) : null}
      </div>
    </div>
  );
}
