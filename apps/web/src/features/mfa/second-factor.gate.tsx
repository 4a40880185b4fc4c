import type { SessionInfo } from '@zemag/contracts';
import { FirstEnrolmentPage } from './first-enrolment.page';
import { SecondFactorPage } from './second-factor.page';

/** What a session waiting for its second factor sees, whatever the address: prove it or set one up. */
export function SecondFactorGate({ session }: { session: SessionInfo }) {
  const { enrolled } = session.mfa;
  return enrolled.totp || enrolled.webauthn > 0 ? (
    <SecondFactorPage session={session} />
  ) : (
    <FirstEnrolmentPage session={session} />
  );
}
