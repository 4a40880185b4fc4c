import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { TextareaField } from '../../ui/textarea-field';
import { asApiError } from '../../ui/use-resource';

const NOTE_MIN = 3;
const NOTE_MAX = 2000;

/**
 * Marks a finding reviewed: the note says what was checked and found (kept with the finding and
 * in the audit log). A refusal is shown under the note; "already reviewed" reloads the list.
 */
export function FindingReviewForm({
  id,
  onReview,
}: {
  id: string;
  onReview(note: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const fieldId = `finding-note-${id}`;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const [failure, setFailure] = useState<FormFailure<'note'> | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (note.trim().length < NOTE_MIN) {
      setTooShort(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setTooShort(false);
    setFailure(null);
    setBusy(true);
    try {
      await onReview(note.trim());
    } catch (error) {
      setFailure(formFailure(asApiError(error), ['note'] as const, translator));
      document.getElementById(fieldId)?.focus();
    } finally {
      setBusy(false);
    }
  }

  const error = tooShort
    ? t('audit.findings.review.tooShort', { min: NOTE_MIN })
    : (failure?.byField.note ?? (failure?.message || undefined));
  return (
    <form className="kern-stack-sm" noValidate onSubmit={submit}>
      <TextareaField
        id={fieldId}
        label={t('audit.findings.review.label')}
        hint={t('audit.findings.review.hint')}
        required
        maxLength={NOTE_MAX}
        value={note}
        onValueChange={setNote}
        error={error}
      />
      <div className="zm-actions">
        <Button
          type="submit"
          variant="secondary"
          icon="check"
          label={busy ? t('audit.findings.review.working') : t('audit.findings.review.submit')}
          aria-disabled={busy || undefined}
        />
      </div>
    </form>
  );
}
