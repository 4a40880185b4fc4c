import {
  COMPLAINT_STATUSES,
  INJURIES,
  type Incident,
  type IncidentCorrectionRequest,
} from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { TextareaField } from '../../ui/textarea-field';
import { FailureAlert } from '../admin/failure-alert';
import { type FormFailure, formFailure } from '../admin/form-failure';
import { asApiError } from '../admin/use-resource';
import { CorrectionHistory } from './correction-history';
import { renameFieldErrors } from './review.model';

const FIELDS = [
  'description',
  'level',
  'injuries',
  'complaintStatus',
  'fileNumber',
  'reason',
] as const;
type Field = (typeof FIELDS)[number];
const P = 'incident-correct-';

/** The form field a server error names (`changes.criminalComplaint.status` → `complaintStatus`). */
export function incidentCorrectionFieldOf(field: string): string {
  const name = field.replace(/^changes\./, '');
  if (name === 'criminalComplaint.status') return 'complaintStatus';
  if (name === 'criminalComplaint.fileNumber') return 'fileNumber';
  return name;
}

/**
 * "Meldung berichtigen" for registrars (Art. 16): description, level, injuries and criminal
 * complaint with a reason; the corrections with old → new below.
 */
export function IncidentCorrection({
  incident,
  canCorrect,
  onCorrect,
}: {
  incident: Incident;
  canCorrect: boolean;
  onCorrect(request: IncidentCorrectionRequest): Promise<void>;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const initial = {
    description: incident.description,
    level: String(incident.level),
    injuries: incident.injuries as string,
    complaintStatus: incident.criminalComplaint.status as string,
    fileNumber: incident.criminalComplaint.fileNumber ?? '',
    reason: '',
  };
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const label = (field: Field) => t(`correction.fields.${field}`);
  const set = (field: Field) => (value: string) => setForm((s) => ({ ...s, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (form.reason.trim().length < 10) {
      setFailure({
        byField: { reason: t('correction.reasonTooShort') },
        summary: [
          { id: `${P}reason`, text: `${label('reason')}: ${t('correction.reasonTooShort')}` },
        ],
        message: '',
      });
      document.getElementById(`${P}reason`)?.focus();
      return;
    }
    const changes: IncidentCorrectionRequest['changes'] = {};
    if (form.description !== initial.description) changes.description = form.description;
    if (form.level !== initial.level) changes.level = Number(form.level) as 0 | 1 | 2 | 3;
    if (form.injuries !== initial.injuries) {
      changes.injuries = form.injuries as (typeof INJURIES)[number];
    }
    if (
      form.complaintStatus !== initial.complaintStatus ||
      form.fileNumber !== initial.fileNumber
    ) {
      changes.criminalComplaint = {
        status: form.complaintStatus as (typeof COMPLAINT_STATUSES)[number],
        fileNumber: form.fileNumber.trim() === '' ? null : form.fileNumber.trim(),
      };
    }
    setBusy(true);
    setFailure(null);
    try {
      await onCorrect({ reason: form.reason.trim(), expectedVersion: incident.version, changes });
      setOpen(false);
      setForm({ ...initial, reason: '' });
    } catch (error) {
      const renamed = renameFieldErrors(asApiError(error), incidentCorrectionFieldOf);
      setFailure(
        formFailure(renamed, FIELDS, translator, {
          idPrefix: P,
          labels: Object.fromEntries(FIELDS.map((f) => [f, label(f)])),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const select = (field: Field, options: { value: string; label: string }[]) => (
    <SelectField
      id={`${P}${field}`}
      label={label(field)}
      value={form[field]}
      options={options}
      onValueChange={set(field)}
      error={failure?.byField[field]}
    />
  );

  return (
    <>
      {canCorrect ? (
        <section className="zm-panel kern-stack-md" aria-labelledby={`${P}title`}>
          <h2 className="kern-heading-medium" id={`${P}title`}>
            {t('correction.incidentOpen')}
          </h2>
          <p className="kern-body">{t('correction.incidentIntro')}</p>
          {!open ? (
            <div className="zm-actions">
              <Button
                variant="secondary"
                icon="edit"
                label={t('correction.incidentOpen')}
                onClick={() => setOpen(true)}
              />
            </div>
          ) : (
            <form
              className="kern-stack-md"
              noValidate
              onSubmit={submit}
              aria-label={t('correction.incidentOpen')}
            >
              <FailureAlert failure={failure} />
              <TextareaField
                id={`${P}description`}
                label={label('description')}
                value={form.description}
                onValueChange={set('description')}
                error={failure?.byField.description}
                maxLength={10_000}
              />
              <div className="zm-form-grid">
                {select(
                  'level',
                  ['0', '1', '2', '3'].map((l) => ({
                    value: l,
                    label: t('review.level.badge', { level: l, name: t(`review.level.name.${l}`) }),
                  })),
                )}
                {select(
                  'injuries',
                  INJURIES.map((i) => ({ value: i, label: t(`review.injuries.${i}`) })),
                )}
                {select(
                  'complaintStatus',
                  COMPLAINT_STATUSES.map((c) => ({ value: c, label: t(`review.complaint.${c}`) })),
                )}
                <TextField
                  id={`${P}fileNumber`}
                  label={label('fileNumber')}
                  value={form.fileNumber}
                  onValueChange={set('fileNumber')}
                  error={failure?.byField.fileNumber}
                  autoComplete="off"
                />
              </div>
              <TextareaField
                id={`${P}reason`}
                label={label('reason')}
                hint={t('correction.reasonHint')}
                value={form.reason}
                onValueChange={set('reason')}
                error={failure?.byField.reason}
                maxLength={2000}
              />
              <div className="zm-actions">
                <Button
                  type="submit"
                  label={busy ? t('admin.common.working') : t('correction.submit')}
                  aria-disabled={busy || undefined}
                />
                <Button
                  variant="secondary"
                  label={t('admin.common.cancel')}
                  onClick={() => setOpen(false)}
                />
              </div>
            </form>
          )}
        </section>
      ) : null}
      {incident.corrections ? (
        <CorrectionHistory corrections={incident.corrections} idPrefix={P} />
      ) : null}
    </>
  );
}
