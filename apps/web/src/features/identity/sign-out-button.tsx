import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboxSignOut } from '../incidents/sign-out-guard';
import { useSession } from './session.context';

/** Ends the session on the server and returns to sign-in. */
export function SignOutButton() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  // Unsent reports on the device are deleted with the sign-out; the guard asks first.
  const guard = useOutboxSignOut({
    signOut,
    ownerId: state.status === 'signed-in' ? state.session.user.id : null,
    onFailed: () => {
      setFailed(true);
      setBusy(false);
    },
  });

  async function handleClick() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await guard.request();
      setBusy(false);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="kern-btn kern-btn--secondary zm-header__button"
        aria-disabled={busy || undefined}
        onClick={() => void handleClick()}
      >
        <span className="kern-icon kern-icon--logout" aria-hidden="true" />
        <span className="kern-label kern-sr-only-mobile">{t('identity.signOut')}</span>
      </button>
      {guard.dialog}
      {failed ? (
        <p className="zm-header__error kern-body kern-body--small" role="alert">
          {t('identity.signOutFailed')}
        </p>
      ) : null}
    </>
  );
}
