import type { EnrolmentResult, SessionInfo } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api.context';
import { problemMessage } from '../../api/problem-message';
import { navigate } from '../../app/router';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { useSession } from '../identity/session.context';
import { AddFactor } from './add-factor';
import { confirmRecoveryCodes } from './mfa.api';
import { RecoveryCodesView } from './recovery-codes.view';
import { useFailure } from './use-failure';

/**
 * First sign-in of a user whose role requires a second factor: set one up, keep the recovery
 * codes, then go on. The new session only takes over after the codes were confirmed as kept,
 * and the server counts enrolment complete only then (a reload asks for new codes).
 */
export function FirstEnrolmentPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useApi();
  const { signedIn } = useSession();
  const heading = usePage(t('mfa.enrol.title'));
  const [result, setResult] = useState<EnrolmentResult | null>(null);
  const { failure, fail, clear } = useFailure();

  function finish(next: SessionInfo) {
    signedIn(next);
    navigate('/', { replace: true });
  }

  async function keep() {
    clear();
    try {
      finish(await confirmRecoveryCodes(api));
    } catch (error) {
      fail(error);
    }
  }

  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('mfa.enrol.title')}
        </h1>
        <p className="kern-body">{t('mfa.enrol.intro', { name: session.user.displayName })}</p>
      </div>
      {failure ? (
        <Alert variant="danger" title={problemMessage(failure, translator)} role="alert" />
      ) : null}
      {result?.recoveryCodes ? (
        <RecoveryCodesView
          codes={result.recoveryCodes}
          username={session.user.username}
          continueLabel={t('mfa.codes.continue')}
          onContinue={() => void keep()}
        />
      ) : (
        <AddFactor
          onEnrolled={(done) => (done.recoveryCodes ? setResult(done) : finish(done.session))}
        />
      )}
    </div>
  );
}
