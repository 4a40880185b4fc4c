import type { ActivateAccountRequest } from '@zemag/contracts';
import { activationContract, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@zemag/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api.context';
import { errorKey, fieldErrorMessages, problemMessage } from '../../api/problem-message';
import { navigate } from '../../app/router';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { NewPasswordFields } from '../identity/new-password.fields';
import { takeSetupToken } from '../setup/setup-token';
import { firstProblemField } from '../setup/setup.validation';
import {
  ACTIVATION_FIELDS,
  type ActivationField,
  validateActivation,
} from './activation.validation';

const LIMITS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

let captured: string | null = null;
/** The token from `/activate#token=…`, taken out of the address bar at once, kept in memory. */
function captureToken(): string | null {
  const token = takeSetupToken(window.location, window.history);
  if (token) captured = token;
  return captured;
}

/**
 * Public page of the one-time activation link: the employee sets their own password. The
 * token sits in the URL fragment, which the browser never sends to a server or its logs.
 */
export function ActivationPage() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const heading = usePage(t('activation.title'));
  const [token, setToken] = useState(captureToken);
  const [values, setValues] = useState<Record<ActivationField, string>>({
    password: '',
    passwordRepeat: '',
  });
  const [errors, setErrors] = useState<Partial<Record<ActivationField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const onHashChange = () => setToken(captureToken());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  function focusFirst(problems: Partial<Record<ActivationField, string>>) {
    const field = firstProblemField(problems, ACTIVATION_FIELDS);
    if (field) document.getElementById(field)?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !token) return;
    const problems = validateActivation(values);
    const messages = Object.fromEntries(
      Object.entries(problems).map(([field, key]) => [field, t(`fieldErrors.${key}`, LIMITS)]),
    ) as Partial<Record<ActivationField, string>>;
    setErrors(messages);
    setFailure(null);
    if (Object.keys(messages).length > 0) {
      focusFirst(messages);
      return;
    }
    setBusy(true);
    try {
      const request: ActivateAccountRequest = { token, password: values.password };
      await api.call(activationContract.activate, { body: request });
      captured = null;
      navigate('/sign-in', { notice: 'accountActivated', replace: true });
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError({ status: 0, code: 'client.unexpected_response' });
      const { byField, unmatched } = fieldErrorMessages(
        apiError,
        ACTIVATION_FIELDS,
        translator,
        LIMITS,
      );
      setErrors(byField);
      const tokenRejected =
        apiError.code === 'activation.token_invalid' || unmatched.some((e) => e.field === 'token');
      if (tokenRejected) setFailure(t(errorKey('activation.token_invalid')));
      else if (Object.keys(byField).length === 0) setFailure(problemMessage(apiError, translator));
      focusFirst(byField);
      setBusy(false);
    }
  }

  const labels: Record<ActivationField, string> = {
    password: t('activation.password'),
    passwordRepeat: t('activation.passwordRepeat'),
  };
  const summary = ACTIVATION_FIELDS.flatMap((name) => {
    const message = errors[name];
    return message
      ? [{ id: name, text: t('setup.summaryField', { label: labels[name], message }) }]
      : [];
  });
  const field = (name: ActivationField) => ({
    id: name,
    value: values[name],
    error: errors[name],
    onValueChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
  });

  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('activation.title')}
        </h1>
        {token ? <p className="kern-body">{t('activation.intro')}</p> : null}
      </div>
      {!token ? (
        <Alert variant="warning" title={t('activation.noTokenTitle')} role="status">
          <p className="kern-body">{t('activation.noTokenBody')}</p>
        </Alert>
      ) : (
        <form className="kern-stack-lg" noValidate onSubmit={handleSubmit}>
          {summary.length > 0 ? (
            <ErrorSummary title={t('setup.invalidTitle')} items={summary} />
          ) : null}
          {failure ? (
            <Alert variant="danger" title={t('activation.failedTitle')} role="alert">
              <p className="kern-body">{failure}</p>
            </Alert>
          ) : null}
          <NewPasswordFields field={field} labels={labels} />
          <Button
            type="submit"
            label={busy ? t('activation.submitting') : t('activation.submit')}
            aria-disabled={busy || undefined}
            block
          />
        </form>
      )}
    </div>
  );
}
