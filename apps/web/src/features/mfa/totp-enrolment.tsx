import type { EnrolmentResult, TotpEnrolment as Enrolment } from '@zemag/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { TextField } from '../../ui/text-field';
import { confirmTotp, startTotp } from './mfa.api';
import { useFailure } from './use-failure';

/** Authenticator app: QR code and key shown once, then the first code confirms it. */
export function TotpEnrolment({
  onEnrolled,
  onCancel,
}: {
  onEnrolled(result: EnrolmentResult): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { failure, fail, clear } = useFailure();

  useEffect(() => {
    let cancelled = false;
    startTotp(api).then(
      (started) => !cancelled && setEnrolment(started),
      (error: unknown) => !cancelled && fail(error),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- start once per mount
  }, [api]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !enrolment) return;
    setBusy(true);
    clear();
    try {
      onEnrolled(await confirmTotp(api, enrolment.factorId, code.replace(/\s/g, '')));
    } catch (error) {
      fail(error);
      setCode('');
      setBusy(false);
    }
  }

  if (!enrolment && !failure) return <Loading />;
  const fieldError = failure?.fieldErrors.find((e) => e.field === 'code');
  return (
    <section className="kern-stack-lg" aria-labelledby="totp-title">
      <h2 className="kern-heading-medium" id="totp-title">
        {t('mfa.totp.title')}
      </h2>
      {failure && !fieldError ? (
        <Alert variant="danger" title={problemMessage(failure, translator)} role="alert" />
      ) : null}
      {enrolment ? (
        <>
          <ol className="kern-stack-md zm-steps">
            <li className="kern-body">{t('mfa.totp.step1')}</li>
            <li className="kern-body">{t('mfa.totp.step2')}</li>
          </ol>
          <img
            className="zm-qr"
            src={enrolment.qrCode}
            alt={t('mfa.totp.qrAlt')}
            width="220"
            height="220"
          />
          <div className="kern-stack-xs">
            <p className="kern-body">{t('mfa.totp.manual')}</p>
            <code className="zm-secret" data-testid="totp-secret">
              {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </div>
          <form className="kern-stack-lg" noValidate onSubmit={handleSubmit}>
            <TextField
              id="totp-code"
              label={t('mfa.totp.codeLabel')}
              hint={t('mfa.totp.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={7}
              required
              value={code}
              onValueChange={setCode}
              error={fieldError ? problemMessage(failure!, translator) : undefined}
            />
            <div className="zm-actions">
              <Button
                type="submit"
                label={busy ? t('mfa.totp.confirming') : t('mfa.totp.confirm')}
                aria-disabled={busy || undefined}
              />
              <Button variant="tertiary" label={t('mfa.cancel')} onClick={onCancel} />
            </div>
          </form>
        </>
      ) : (
        <Button variant="secondary" label={t('mfa.cancel')} onClick={onCancel} />
      )}
    </section>
  );
}
