import type { EnrolmentResult, SessionInfo } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { usePage } from '../../app/use-page';
import { useSession } from '../identity/session.context';
import { AddFactor } from './add-factor';
import { RecoveryCodesView } from './recovery-codes.view';

/**
 * First sign-in of a user whose role requires a second factor: set one up, keep the recovery
 * codes, then go on. The new session only takes over after the codes were confirmed as kept.
 */
export function FirstEnrolmentPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const heading = usePage(t('mfa.enrol.title'));
  const [result, setResult] = useState<EnrolmentResult | null>(null);

  function finish(done: EnrolmentResult) {
    signedIn(done.session);
    navigate('/', { replace: true });
  }

  return (
    <div className="zm-narrow kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('mfa.enrol.title')}
        </h1>
        <p className="kern-body">{t('mfa.enrol.intro', { name: session.user.displayName })}</p>
      </div>
      {result?.recoveryCodes ? (
        <RecoveryCodesView
          codes={result.recoveryCodes}
          username={session.user.username}
          continueLabel={t('mfa.codes.continue')}
          onContinue={() => finish(result)}
        />
      ) : (
        <AddFactor onEnrolled={(done) => (done.recoveryCodes ? setResult(done) : finish(done))} />
      )}
    </div>
  );
}
