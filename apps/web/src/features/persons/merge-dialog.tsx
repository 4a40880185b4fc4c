import { formatPartialDate } from '../../ui/format';
import type { Person } from '@zemag/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Loading } from '../../ui/loading';
import { TextField } from '../../ui/text-field';
import { TextareaField } from '../../ui/textarea-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { asApiError } from '../../ui/use-resource';
import { personName } from '../review/review.model';

const OTHER = 'other';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Merges another record into this one: choose one of the records suggested for this person's
 * reports, or give a record's id; the reason goes into the history and the audit log.
 */
export function MergeDialog({
  open,
  person,
  candidates,
  loading,
  onCancel,
  onMerge,
}: {
  open: boolean;
  person: Person;
  candidates: readonly Person[];
  loading: boolean;
  onCancel(): void;
  onMerge(mergeId: string, reason: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const formId = useId();
  const [choice, setChoice] = useState<string>('');
  const [otherId, setOtherId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<'mergeId' | 'reason'> | null>(null);
  const prefix = `${formId}-`;
  const labels = { mergeId: t('review.merge.choose'), reason: t('review.merge.reason') };

  function close() {
    setChoice('');
    setOtherId('');
    setReason('');
    setFailure(null);
    onCancel();
  }

  function fail(field: 'mergeId' | 'reason', text: string) {
    setFailure({
      byField: { [field]: text },
      summary: [{ id: `${prefix}${field}`, text: `${labels[field]}: ${text}` }],
      message: text,
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const mergeId = choice === OTHER ? otherId.trim() : choice;
    if (!UUID.test(mergeId)) return fail('mergeId', t('review.merge.chooseMissing'));
    if (reason.trim().length < 3) return fail('reason', t('review.dialog.tooShort', { min: 3 }));
    setBusy(true);
    setFailure(null);
    try {
      await onMerge(mergeId, reason.trim());
      setChoice('');
      setOtherId('');
      setReason('');
    } catch (error) {
      setFailure(
        formFailure(asApiError(error), ['mergeId', 'reason'] as const, translator, {
          idPrefix: prefix,
          labels,
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const options = [
    ...candidates.map((c) => ({
      value: c.id,
      label: [
        personName(c),
        c.dateOfBirth
          ? t('review.person.born', { date: formatPartialDate(c.dateOfBirth, i18n.language) })
          : '',
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    { value: OTHER, label: t('review.merge.other') },
  ];
  return (
    <Dialog
      open={open}
      title={t('review.merge.title')}
      closeLabel={t('admin.common.close')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" label={t('admin.common.cancel')} onClick={close} />
          <Button
            type="submit"
            form={formId}
            label={busy ? t('admin.common.working') : t('review.merge.submit')}
            aria-disabled={busy || undefined}
          />
        </>
      }
    >
      <form id={formId} className="kern-stack-md zm-dialog__form" noValidate onSubmit={submit}>
        <p className="kern-body">{t('review.merge.text', { name: personName(person) })}</p>
        <FailureAlert failure={failure} />
        <fieldset
          className={`kern-fieldset zm-fieldset${failure?.byField.mergeId ? ' kern-fieldset--error' : ''}`}
        >
          <legend className="kern-label">{labels.mergeId}</legend>
          {loading ? <Loading /> : null}
          {!loading && candidates.length === 0 ? (
            <p className="kern-hint">{t('review.merge.noCandidates')}</p>
          ) : null}
          {failure?.byField.mergeId ? (
            <p className="kern-error">
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-body">{failure.byField.mergeId}</span>
            </p>
          ) : null}
          <div className="zm-checks">
            {options.map((option, index) => (
              <div className="kern-form-check" key={option.value}>
                <input
                  className="kern-form-check__radio"
                  type="radio"
                  id={index === 0 ? `${prefix}mergeId` : `${prefix}mergeId-${option.value}`}
                  name={`${prefix}mergeId`}
                  value={option.value}
                  checked={choice === option.value}
                  onChange={() => setChoice(option.value)}
                />
                <label
                  className="kern-label"
                  htmlFor={index === 0 ? `${prefix}mergeId` : `${prefix}mergeId-${option.value}`}
                >
                  {option.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {choice === OTHER ? (
          <TextField
            id={`${prefix}otherId`}
            label={t('review.merge.otherId')}
            hint={t('review.merge.otherIdHint')}
            value={otherId}
            onValueChange={setOtherId}
            autoComplete="off"
            spellCheck={false}
          />
        ) : null}
        <TextareaField
          id={`${prefix}reason`}
          label={labels.reason}
          hint={t('review.merge.reasonHint')}
          required
          maxLength={500}
          value={reason}
          onValueChange={setReason}
          error={failure?.byField.reason}
        />
      </form>
    </Dialog>
  );
}
