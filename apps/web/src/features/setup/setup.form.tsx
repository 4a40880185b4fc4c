import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api.context';
import { errorKey, fieldErrorMessages, problemMessage } from '../../api/problem-message';
import { AppLink } from '../../app/app-link';
import { navigate } from '../../app/router';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/text-field';
import { NewPasswordFields } from '../identity/new-password.fields';
import { createFirstAdmin } from './setup.api';
import { forgetSetupToken } from './setup-token';
import {
  SETUP_FIELDS,
  type SetupField,
  type SetupValues,
  firstProblemField,
  validateSetup,
} from './setup.validation';

const LIMITS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
const EMPTY: SetupValues = { displayName: '', username: '', password: '', passwordRepeat: '' };

/** What went wrong as a whole (beside the messages at the fields). */
interface FormFailure {
  message: string;
  completed: boolean;
}

/** The form for the first administrator account. */
export function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const [values, setValues] = useState<SetupValues>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<SetupField, string>>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  function focusFirst(problems: Partial<Record<SetupField, string>>) {
    const field = firstProblemField(problems, SETUP_FIELDS);
    // The input ids are the field names.
    if (field) document.getElementById(field)?.focus();
  }

  function showServerError(error: ApiError) {
    const { byField, unmatched } = fieldErrorMessages(error, SETUP_FIELDS, translator, LIMITS);
    setErrors(byField);
    const tokenRejected =
      error.code === 'setup.token_invalid' || unmatched.some((e) => e.field === 'token');
    const hasFieldErrors = Object.keys(byField).length > 0;
    // Field errors are listed in the summary; anything else is explained on its own.
    setFailure(
      hasFieldErrors && !tokenRejected
        ? null
        : {
            message: tokenRejected
              ? t(errorKey('setup.token_invalid'))
              : problemMessage(error, translator),
            completed: error.code === 'setup.already_completed',
          },
    );
    if (hasFieldErrors) focusFirst(byField);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = validateSetup(values);
    const messages = Object.fromEntries(
      Object.entries(problems).map(([field, key]) => [field, t(`fieldErrors.${key}`, LIMITS)]),
    ) as Partial<Record<SetupField, string>>;
    setErrors(messages);
    if (Object.keys(problems).length > 0) {
      setFailure(null);
      focusFirst(messages);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await createFirstAdmin(api, {
        token,
        displayName: values.displayName.trim(),
        username: values.username.trim().toLowerCase(),
        password: values.password,
      });
      forgetSetupToken();
      navigate('/sign-in', { notice: 'setupCompleted', replace: true });
    } catch (error) {
      showServerError(
        error instanceof ApiError
          ? error
          : new ApiError({ status: 0, code: 'client.unexpected_response' }),
      );
      setBusy(false);
    }
  }

  const field = (name: SetupField) => ({
    id: name,
    value: values[name],
    error: errors[name],
    onValueChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
  });

  const labels: Record<SetupField, string> = {
    displayName: t('setup.displayName'),
    username: t('setup.username'),
    password: t('setup.password'),
    passwordRepeat: t('setup.passwordRepeat'),
  };
  const summary = SETUP_FIELDS.flatMap((name) => {
    const message = errors[name];
    return message
      ? [{ id: name, text: t('setup.summaryField', { label: labels[name], message }) }]
      : [];
  });

  return (
    <form className="kern-stack-lg" noValidate onSubmit={handleSubmit}>
      {summary.length > 0 ? <ErrorSummary title={t('setup.invalidTitle')} items={summary} /> : null}
      {failure ? (
        <Alert variant="danger" title={t('setup.failedTitle')} role="alert">
          <p className="kern-body">{failure.message}</p>
          {failure.completed ? (
            <p className="kern-body">
              <AppLink className="kern-link" href="/sign-in">
                {t('setup.toSignIn')}
              </AppLink>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <TextField
        {...field('displayName')}
        label={labels.displayName}
        hint={t('setup.displayNameHint')}
        autoComplete="name"
        maxLength={120}
        required
      />
      <TextField
        {...field('username')}
        label={labels.username}
        hint={t('setup.usernameHint')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={64}
        required
      />
      <NewPasswordFields field={field} labels={labels} />
      <Button
        type="submit"
        label={busy ? t('setup.submitting') : t('setup.submit')}
        aria-disabled={busy || undefined}
        block
      />
    </form>
  );
}
