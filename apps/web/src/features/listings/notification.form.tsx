import type { Listing } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { DateField } from '../../ui/date-field';
import { TextareaField } from '../../ui/textarea-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { localToday } from '../../ui/format';
import { asApiError } from '../../ui/use-resource';
import { useReviewApi } from '../review/review.api';
import {
  type NotificationField,
  type NotificationForm,
  notificationFromForm,
  notificationProblems,
} from '../review/review.model';

const ID = 'notification-';
const FIELDS = ['sentOn', 'reason', 'reviewOn'] as const;

/** Records the letter as sent on a date, or why it is held back and when that is reviewed. */
export function NotificationRecordForm({
  listingId,
  onRecorded,
}: {
  listingId: string;
  onRecorded(listing: Listing): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const review = useReviewApi();
  const [form, setForm] = useState<NotificationForm>({
    state: 'sent',
    sentOn: localToday(),
    reason: '',
    reviewOn: '',
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<NotificationField> | null>(null);
  const labels = {
    sentOn: t('review.notification.sentOn'),
    reason: t('review.notification.reason'),
    reviewOn: t('review.notification.reviewOn'),
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = notificationProblems(form);
    if (problems.length > 0) {
      const byField = Object.fromEntries(
        problems.map((f) => [f, t(`review.notification.problem.${f}`)]),
      ) as Partial<Record<NotificationField, string>>;
      setFailure({
        byField,
        summary: problems.map((f) => ({ id: `${ID}${f}`, text: `${labels[f]}: ${byField[f]}` })),
        message: '',
      });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onRecorded(await review.recordNotification(listingId, notificationFromForm(form)));
    } catch (error) {
      setFailure(formFailure(asApiError(error), FIELDS, translator, { idPrefix: ID, labels }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="kern-stack-md" noValidate onSubmit={submit} data-testid="notification-form">
      <FailureAlert failure={failure} />
      <fieldset className="kern-fieldset zm-fieldset">
        <legend className="kern-label">{t('review.notification.choose')}</legend>
        <div className="zm-checks">
          {(['sent', 'held_back'] as const).map((state) => (
            <div className="kern-form-check" key={state}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`${ID}state-${state}`}
                name={`${ID}state`}
                checked={form.state === state}
                onChange={() => setForm((f) => ({ ...f, state }))}
              />
              <label className="kern-label" htmlFor={`${ID}state-${state}`}>
                {t(`review.notification.choice.${state}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {form.state === 'sent' ? (
        <DateField
          id={`${ID}sentOn`}
          label={labels.sentOn}
          value={form.sentOn}
          onValueChange={(sentOn) => setForm((f) => ({ ...f, sentOn }))}
          error={failure?.byField.sentOn}
        />
      ) : (
        <>
          <TextareaField
            id={`${ID}reason`}
            label={labels.reason}
            hint={t('review.notification.reasonHint')}
            required
            maxLength={2000}
            value={form.reason}
            onValueChange={(reason) => setForm((f) => ({ ...f, reason }))}
            error={failure?.byField.reason}
          />
          <DateField
            id={`${ID}reviewOn`}
            label={labels.reviewOn}
            hint={t('review.notification.reviewOnHint')}
            value={form.reviewOn}
            onValueChange={(reviewOn) => setForm((f) => ({ ...f, reviewOn }))}
            error={failure?.byField.reviewOn}
          />
        </>
      )}
      <div className="zm-actions">
        <Button
          type="submit"
          label={busy ? t('admin.common.working') : t('review.notification.submit')}
          aria-disabled={busy || undefined}
        />
      </div>
    </form>
  );
}
