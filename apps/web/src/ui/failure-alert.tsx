import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { ErrorSummary } from './error-summary';
import type { FormFailure } from './form-failure';

/** A form's failure: a linked list of field errors, or the problem's sentence. */
export function FailureAlert<F extends string>({ failure }: { failure: FormFailure<F> | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  if (failure.summary.length > 0) {
    return <ErrorSummary title={t('admin.common.checkInput')} items={failure.summary} />;
  }
  return (
    <Alert variant="danger" title={t('admin.common.failed')} role="alert">
      <p className="kern-body">{failure.message}</p>
    </Alert>
  );
}
