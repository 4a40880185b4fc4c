import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { DateField } from '../../ui/date-field';
import { TextareaField } from '../../ui/textarea-field';
import { formFailure } from '../../ui/form-failure';
import { asApiError } from '../../ui/use-resource';

/**
 * A decision that carries a text (confirm with a note, reject with a reason, ask a question,
 * activate): says what will happen, asks for the text, shows the server's refusal in place.
 * `min` 0 makes the text optional. `date`: a date asked for as well (an extension's new end,
 * a restriction's decision date), handed to `onConfirm` as its second argument.
 */
export function TextDialog({
  open,
  title,
  description,
  label,
  hint,
  min,
  max = 2000,
  confirmLabel,
  date,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  label: string;
  hint?: string;
  min: number;
  max?: number;
  confirmLabel: string;
  date?: { label: string; hint?: string; initial: string };
  onCancel(): void;
  /** Does the action; a rejection is shown in the dialog, which stays open. */
  onConfirm(text: string, date: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const formId = useId();
  const fieldId = `${formId}-text`;
  const dateId = `${formId}-date`;
  const [text, setText] = useState('');
  const [day, setDay] = useState<string | null>(null);
  const [dateFailure, setDateFailure] = useState<string | null>(null);
  const chosenDay = day ?? date?.initial ?? '';
  const [busy, setBusy] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  function close() {
    setText('');
    setDay(null);
    setTooShort(false);
    setFailure(null);
    setDateFailure(null);
    onCancel();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (text.trim().length < min) {
      setTooShort(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setTooShort(false);
    setBusy(true);
    setFailure(null);
    setDateFailure(null);
    try {
      await onConfirm(text.trim(), chosenDay);
      setText('');
      setDay(null);
    } catch (error) {
      const spread = formFailure(
        asApiError(error),
        ['note', 'reason', 'question', 'validUntil', 'until'] as const,
        translator,
      );
      const onDate = spread.byField.validUntil ?? spread.byField.until ?? null;
      setDateFailure(onDate);
      if (onDate) document.getElementById(dateId)?.focus();
      setFailure(
        onDate ??
          spread.byField.reason ??
          spread.byField.question ??
          spread.byField.note ??
          spread.message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title={title}
      closeLabel={t('admin.common.close')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" label={t('admin.common.cancel')} onClick={close} />
          <Button
            type="submit"
            form={formId}
            label={busy ? t('admin.common.working') : confirmLabel}
            aria-disabled={busy || undefined}
          />
        </>
      }
    >
      <form
        id={formId}
        className="kern-stack-md zm-dialog__form"
        noValidate
        onSubmit={handleSubmit}
      >
        <div className="kern-body">{description}</div>
        {failure ? (
          <Alert variant="danger" title={t('admin.common.failed')} role="alert">
            <p className="kern-body">{failure}</p>
          </Alert>
        ) : null}
        {date ? (
          <DateField
            id={dateId}
            label={date.label}
            hint={date.hint}
            required
            value={chosenDay}
            onValueChange={setDay}
            error={dateFailure ?? undefined}
          />
        ) : null}
        <TextareaField
          id={fieldId}
          label={label}
          hint={hint}
          required={min > 0}
          maxLength={max}
          rows={4}
          value={text}
          onValueChange={setText}
          error={tooShort ? t('review.dialog.tooShort', { min }) : undefined}
        />
      </form>
    </Dialog>
  );
}
