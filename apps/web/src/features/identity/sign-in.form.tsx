import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { navigate } from '../../app/router';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { signIn } from './identity.api';
import { pathAfterSignIn } from './return-path';
import { useSession } from './session.context';

/** User name + password. A failure is announced in an alert; the password field is cleared. */
export function SignInForm({ onSubmitted }: { onSubmitted?: () => void }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    onSubmitted?.();
    const empty = { username: username.trim() === '', password: password === '' };
    setMissing(empty);
    if (empty.username || empty.password) {
      (empty.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const info = await signIn(api, { username, password });
      session.signedIn(info);
      // Back to the page that was asked for (only a path of this app, see return-path).
      navigate(pathAfterSignIn(window.location), { replace: true });
    } catch (error) {
      setFailure(
        error instanceof ApiError
          ? error
          : new ApiError({ status: 0, code: 'client.unexpected_response' }),
      );
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  }

  const required = t('fieldErrors.generic.required');
  return (
    <form className="kern-stack-lg" noValidate onSubmit={handleSubmit}>
      {failure ? (
        <Alert variant="danger" title={t('signIn.failedTitle')} role="alert">
          <p className="kern-body">{problemMessage(failure, translator)}</p>
        </Alert>
      ) : null}
      <TextField
        id="username"
        label={t('signIn.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onValueChange={setUsername}
        error={missing.username ? required : undefined}
        ref={usernameRef}
      />
      <TextField
        id="password"
        type="password"
        label={t('signIn.password')}
        autoComplete="current-password"
        required
        value={password}
        onValueChange={setPassword}
        error={missing.password ? required : undefined}
        ref={passwordRef}
      />
      <Button
        type="submit"
        label={busy ? t('signIn.submitting') : t('signIn.submit')}
        aria-disabled={busy || undefined}
        block
      />
    </form>
  );
}
