import type { DemoAccount } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { navigate } from '../../app/router';
import { pathAfterSignIn } from '../identity/return-path';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { useSession } from '../identity/session.context';
import { demoSignIn } from './demo.api';
import { useDemoInfo } from './use-demo-info';
import './demo.css';

/**
 * On a demo instance: every demo account with its roles and a button that signs in as it.
 * Renders nothing on a real instance.
 */
export function DemoAccounts() {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const session = useSession();
  const demo = useDemoInfo();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  if (!demo?.enabled || demo.accounts.length === 0) return null;
  const english = i18n.language.toLowerCase().startsWith('en');

  async function signInAs(account: DemoAccount) {
    if (busy) return;
    setBusy(account.username);
    setFailure(null);
    try {
      session.signedIn(await demoSignIn(api, account.username));
      navigate(pathAfterSignIn(window.location), { replace: true });
    } catch (error) {
      setFailure(
        error instanceof ApiError
          ? error
          : new ApiError({ status: 0, code: 'client.unexpected_response' }),
      );
      setBusy(null);
    }
  }

  return (
    <section className="kern-stack-md" aria-labelledby="demo-accounts-title">
      <div className="kern-stack-xs">
        <h2 className="kern-heading-medium" id="demo-accounts-title">
          {t('demo.accountsTitle')}
        </h2>
        <p className="kern-body">{t('demo.accountsIntro')}</p>
      </div>
      {failure ? (
        <Alert variant="danger" title={t('demo.failedTitle')} role="alert">
          <p className="kern-body">{problemMessage(failure, translator)}</p>
        </Alert>
      ) : null}
      <ul className="zm-demo-accounts" data-testid="demo-accounts">
        {demo.accounts.map((account) => (
          <li key={account.username} className="zm-demo-account">
            <div className="kern-stack-xxs">
              <p className="kern-body kern-body--bold">{account.displayName}</p>
              <p className="kern-body kern-body--small">
                {english ? account.purpose.en : account.purpose.de}
              </p>
              <p className="kern-body kern-body--small kern-body--muted">
                {account.departmentName
                  ? t('demo.department', { name: account.departmentName })
                  : t('demo.noDepartment')}
              </p>
            </div>
            <ul className="zm-badges zm-badges--tight" aria-label={t('demo.rolesLabel')}>
              {account.roles.map((role) => (
                <li key={role}>
                  <span className="kern-badge kern-badge--info kern-badge--small">
                    <span className="kern-label">{t(`roles.${role}`)}</span>
                  </span>
                </li>
              ))}
            </ul>
            <Button
              variant="secondary"
              label={
                busy === account.username
                  ? t('demo.signingIn', { name: account.displayName })
                  : t('demo.signInAs', { name: account.displayName })
              }
              aria-disabled={busy !== null || undefined}
              onClick={() => void signInAs(account)}
              block
            />
          </li>
        ))}
      </ul>
      <p className="kern-body">{t('demo.orPassword')}</p>
    </section>
  );
}
