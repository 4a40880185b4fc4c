import type { EnrolmentResult } from '@zemag/contracts';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { enrolPasskey } from './mfa.api';
import { TotpEnrolment } from './totp-enrolment';
import { useFailure } from './use-failure';

/** Choice of a new factor: a passkey first (the service phone), else an authenticator app. */
export function AddFactor({
  onEnrolled,
  onCancel,
}: {
  onEnrolled(result: EnrolmentResult): void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const [mode, setMode] = useState<'choose' | 'totp'>('choose');
  const [busy, setBusy] = useState(false);
  const { failure, fail, clear } = useFailure();
  const passkeys = browserSupportsWebAuthn();

  async function addPasskey() {
    if (busy) return;
    setBusy(true);
    clear();
    try {
      onEnrolled(await enrolPasskey(api));
    } catch (error) {
      fail(error);
      setBusy(false);
    }
  }

  if (mode === 'totp') {
    return <TotpEnrolment onEnrolled={onEnrolled} onCancel={() => setMode('choose')} />;
  }
  return (
    <div className="kern-stack-lg">
      {failure ? (
        <Alert variant="danger" title={problemMessage(failure, translator)} role="alert" />
      ) : null}
      {passkeys ? (
        <div className="kern-stack-xs">
          <Button
            icon="account-circle"
            label={busy ? t('mfa.passkey.creating') : t('mfa.passkey.enrol')}
            aria-disabled={busy || undefined}
            block
            onClick={() => void addPasskey()}
          />
          <p className="kern-body kern-body--small kern-body--muted">{t('mfa.passkey.hint')}</p>
        </div>
      ) : null}
      <div className="kern-stack-xs">
        <Button
          variant={passkeys ? 'secondary' : 'primary'}
          label={t('mfa.totp.enrol')}
          block
          onClick={() => setMode('totp')}
        />
        <p className="kern-body kern-body--small kern-body--muted">{t('mfa.totp.hint')}</p>
      </div>
      {onCancel ? <Button variant="tertiary" label={t('mfa.cancel')} onClick={onCancel} /> : null}
    </div>
  );
}
