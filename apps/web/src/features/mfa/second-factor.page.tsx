import type { SessionInfo } from '@zemag/contracts';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { navigate } from '../../app/router';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { useSession } from '../identity/session.context';
import { proveSecondFactor, proveWithPasskey } from './mfa.api';
import { useFailure } from './use-failure';

/** After the password: passkey first, then an app code, then a recovery code. */
export function SecondFactorPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const { signedIn, signOut } = useSession();
  const heading = usePage(t('mfa.verify.title'));
  const { enrolled } = session.mfa;
  const passkeys = enrolled.webauthn > 0 && browserSupportsWebAuthn();
  // A passkey-only user sees the recovery-code field only when they ask for it.
  const [mode, setMode] = useState<'totp' | 'recovery_code' | null>(
    enrolled.totp ? 'totp' : passkeys ? null : 'recovery_code',
  );
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { failure, fail, clear } = useFailure();

  async function run(prove: () => Promise<SessionInfo>) {
    if (busy) return;
    setBusy(true);
    clear();
    try {
      signedIn(await prove());
      navigate('/', { replace: true });
    } catch (error) {
      fail(error);
      setCode('');
      setBusy(false);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = code.trim();
    void run(() =>
      mode === 'totp'
        ? proveSecondFactor(api, { method: 'totp', code: value.replace(/\s/g, '') })
        : proveSecondFactor(api, { method: 'recovery_code', code: value }),
    );
  }

  const fieldError = failure?.fieldErrors.some((e) => e.field === 'code')
    ? problemMessage(failure, translator)
    : undefined;
  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('mfa.verify.title')}
        </h1>
        <p className="kern-body">{t('mfa.verify.intro')}</p>
      </div>
      {failure && !fieldError ? (
        <Alert variant="danger" title={problemMessage(failure, translator)} role="alert" />
      ) : null}
      {passkeys ? (
        <Button
          icon="account-circle"
          label={t('mfa.verify.passkey')}
          block
          aria-disabled={busy || undefined}
          onClick={() => void run(() => proveWithPasskey(api))}
        />
      ) : null}
      {mode ? (
        <form className="kern-stack-lg" noValidate onSubmit={handleSubmit}>
          {mode === 'totp' ? (
            <TextField
              key="totp"
              id="code"
              label={t('mfa.verify.totpLabel')}
              hint={t('mfa.verify.totpHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={7}
              value={code}
              onValueChange={setCode}
              error={fieldError}
            />
          ) : (
            <TextField
              key="recovery"
              id="code"
              label={t('mfa.verify.recoveryLabel')}
              hint={t('mfa.verify.recoveryHint')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={code}
              onValueChange={setCode}
              error={fieldError}
            />
          )}
          <Button
            type="submit"
            variant={passkeys ? 'secondary' : 'primary'}
            label={t('mfa.verify.submit')}
            block
            aria-disabled={busy || undefined}
          />
        </form>
      ) : null}
      <div className="zm-actions">
        {mode !== 'recovery_code' ? (
          <Button
            variant="tertiary"
            label={t('mfa.verify.useRecovery')}
            onClick={() => {
              setMode('recovery_code');
              setCode('');
              clear();
            }}
          />
        ) : enrolled.totp ? (
          <Button
            variant="tertiary"
            label={t('mfa.verify.useTotp')}
            onClick={() => {
              setMode('totp');
              setCode('');
              clear();
            }}
          />
        ) : null}
        <Button variant="tertiary" label={t('identity.signOut')} onClick={() => void signOut()} />
      </div>
      <p className="kern-body kern-body--small kern-body--muted">{t('mfa.verify.lost')}</p>
    </div>
  );
}
