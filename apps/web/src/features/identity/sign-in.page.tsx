import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Notice, useRoute } from '../../app/router';
import { usePage } from '../../app/use-page';
import { Alert } from '../../ui/alert';
import { DemoAccounts } from '../demo/demo-accounts';
import { SetupNextSteps } from '../setup/setup-next-steps';
import { SsoSignIn } from '../sso/sso-sign-in';
import { SignInForm } from './sign-in.form';

const NOTICE_VARIANT: Record<Notice, 'success' | 'info'> = {
  setupCompleted: 'success',
  accountActivated: 'success',
  signedOut: 'info',
  sessionExpired: 'info',
};

/** The sign-in page; also what `/` shows to someone not signed in. */
export function SignInPage() {
  const { t } = useTranslation();
  const { notice } = useRoute();
  const heading = usePage(t('signIn.title'));
  // The notice from the previous page stays until the user tries to sign in.
  const [showNotice, setShowNotice] = useState(true);
  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('signIn.title')}
        </h1>
        <p className="kern-body">{t('signIn.intro')}</p>
      </div>
      {notice && showNotice ? (
        <Alert variant={NOTICE_VARIANT[notice]} title={t(`notices.${notice}Title`)} role="status">
          <p className="kern-body">{t(`notices.${notice}`)}</p>
        </Alert>
      ) : null}
      <DemoAccounts />
      <SsoSignIn />
      <SignInForm onSubmitted={() => setShowNotice(false)} />
      {notice === 'setupCompleted' ? <SetupNextSteps /> : null}
    </div>
  );
}
