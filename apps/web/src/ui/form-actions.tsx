import { useTranslation } from 'react-i18next';
import { Button } from './button';

/**
 * A form's submit button, which says it is working while the form is sent (and stays
 * focusable, so a second press is ignored by the form, not lost by the screen reader), and its
 * cancel button.
 */
export function FormActions({
  busy,
  submitLabel,
  busyLabel,
  onCancel,
}: {
  busy: boolean;
  submitLabel: string;
  /** Default: "Wird bearbeitet …". */
  busyLabel?: string;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="zm-actions">
      <Button
        type="submit"
        label={busy ? (busyLabel ?? t('admin.common.working')) : submitLabel}
        aria-disabled={busy || undefined}
      />
      <Button variant="secondary" label={t('admin.common.cancel')} onClick={onCancel} />
    </div>
  );
}
