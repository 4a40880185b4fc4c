import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxField } from '../../ui/checkbox-field';

/**
 * Recovery codes, shown once: to download or print, and to confirm as kept before going on.
 */
export function RecoveryCodesView({
  codes,
  username,
  continueLabel,
  onContinue,
}: {
  codes: string[];
  username: string;
  continueLabel: string;
  onContinue(): void;
}) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  const [missing, setMissing] = useState(false);
  const file = useMemo(() => {
    const text = `${t('mfa.codes.fileHeader', { username })}\n\n${codes.join('\n')}\n`;
    return URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  }, [codes, username, t]);
  useEffect(() => () => URL.revokeObjectURL(file), [file]);

  return (
    <section className="kern-stack-lg zm-recovery" aria-labelledby="recovery-title">
      <div className="kern-stack-xs">
        <h2 className="kern-heading-medium" id="recovery-title">
          {t('mfa.codes.title')}
        </h2>
        <p className="kern-body">{t('mfa.codes.intro')}</p>
      </div>
      <Alert variant="warning" title={t('mfa.codes.onceTitle')}>
        <p className="kern-body">{t('mfa.codes.once')}</p>
      </Alert>
      <ol className="zm-recovery__codes" aria-label={t('mfa.codes.listLabel')}>
        {codes.map((code) => (
          <li key={code} className="zm-recovery__code">
            {code}
          </li>
        ))}
      </ol>
      <div className="zm-actions zm-no-print">
        <a
          className="kern-btn kern-btn--secondary"
          href={file}
          download="zemag-wiederherstellungscodes.txt"
        >
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t('mfa.codes.download')}</span>
        </a>
        <Button variant="secondary" label={t('mfa.codes.print')} onClick={() => window.print()} />
      </div>
      <div className="zm-no-print kern-stack-md">
        <CheckboxField
          id="codes-kept"
          label={t('mfa.codes.kept')}
          checked={kept}
          onCheckedChange={(value) => {
            setKept(value);
            setMissing(false);
          }}
        />
        {missing ? (
          <p className="kern-error" role="alert">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-body">{t('mfa.codes.keptRequired')}</span>
          </p>
        ) : null}
        <Button
          label={continueLabel}
          block
          onClick={() => (kept ? onContinue() : setMissing(true))}
        />
      </div>
    </section>
  );
}
