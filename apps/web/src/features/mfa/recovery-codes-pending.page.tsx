import type { SessionInfo } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { useSession } from '../identity/session.context';
import { confirmRecoveryCodes, regenerateRecoveryCodes } from './mfa.api';
import { RecoveryCodesView } from './recovery-codes.view';
import { useFailure } from './use-failure';

/**
 * Recovery codes were shown but never confirmed as kept (the page was reloaded or closed): they
 * are not shown again, so the user gets new ones and confirms those before anything else.
 */
export function RecoveryCodesPendingPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const { signedIn } = useSession();
  const heading = usePage(t('mfa.pending.title'));
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { failure, fail, clear } = useFailure();

  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    clear();
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('mfa.pending.title')}
        </h1>
        <p className="kern-body">{t('mfa.pending.intro')}</p>
      </div>
      {failure ? (
        <Alert variant="danger" title={problemMessage(failure, translator)} role="alert" />
      ) : null}
      {codes ? (
        <RecoveryCodesView
          codes={codes}
          username={session.user.username}
          continueLabel={t('mfa.codes.continue')}
          onContinue={() => void run(async () => signedIn(await confirmRecoveryCodes(api)))}
        />
      ) : (
        <Button
          label={busy ? t('admin.common.working') : t('mfa.pending.renew')}
          aria-disabled={busy || undefined}
          onClick={() =>
            void run(async () => setCodes((await regenerateRecoveryCodes(api)).recoveryCodes))
          }
        />
      )}
    </div>
  );
}
