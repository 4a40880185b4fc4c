import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { TextareaField } from '../../ui/textarea-field';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { asApiError } from '../../ui/use-resource';

const REASON_MIN = 3;
const REASON_MAX = 500;

/**
 * The confirm step of a destructive action (disable, revoke, decline): says what will happen,
 * asks for the reason the audit log keeps, and shows the server's refusal in place.
 */
export function ReasonDialog({
  open,
  title,
  description,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  onCancel(): void;
  /** Does the action; a rejection is shown in the dialog, which stays open. */
  onConfirm(reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const formId = useId();
  const fieldId = `${formId}-reason`;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const [failure, setFailure] = useState<FormFailure<'reason'> | null>(null);

  function close() {
    setReason('');
    setTooShort(false);
    setFailure(null);
    onCancel();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (reason.trim().length < REASON_MIN) {
      setTooShort(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setTooShort(false);
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(reason.trim());
      setReason('');
    } catch (error) {
      setFailure(formFailure(asApiError(error), ['reason'] as const, translator));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = tooShort ? t('admin.reason.tooShort', { min: REASON_MIN }) : undefined;
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
        <p className="kern-body">{description}</p>
        {failure ? (
          <Alert variant="danger" title={t('admin.common.failed')} role="alert">
            <p className="kern-body">{failure.byField.reason ?? failure.message}</p>
          </Alert>
        ) : null}
        <TextareaField
          id={fieldId}
          label={t('admin.reason.label')}
          hint={t('admin.reason.hint')}
          required
          maxLength={REASON_MAX}
          value={reason}
          onValueChange={setReason}
          error={fieldError}
        />
      </form>
    </Dialog>
  );
}
