import { useEffect } from 'react';
import { useSession } from '../identity/session.context';
import { browserOutbox } from './outbox.browser';

/** While the app is open, waiting reports are tried again this often (e.g. after a lost answer). */
const RETRY_INTERVAL_MS = 30_000;

/**
 * Sends the outbox whenever it can: when the app starts signed in, when the device comes back
 * online, when the tab becomes visible again, and every 30 seconds while it is open. Comes the connection back while the app
 * could not reach the server at start, it asks for the session again first.
 */
export function OutboxSync() {
  const { state, reload } = useSession();
  const ownerId =
    state.status === 'signed-in' &&
    state.session.mfa.satisfied &&
    state.session.user.abilities.includes('incident.report')
      ? state.session.user.id
      : null;
  const displayName = state.status === 'signed-in' ? state.session.user.displayName : '';
  const unreachable = state.status === 'error';

  useEffect(() => {
    if (ownerId)
      void browserOutbox()
        .rememberOwner({ id: ownerId, displayName })
        .catch(() => undefined);
  }, [ownerId, displayName]);

  useEffect(() => {
    if (!ownerId) return;
    const flush = () => {
      if (navigator.onLine !== false)
        void browserOutbox()
          .flush(ownerId)
          .catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') flush();
    };
    flush();
    const timer = window.setInterval(flush, RETRY_INTERVAL_MS);
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ownerId]);

  useEffect(() => {
    if (!unreachable) return;
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [unreachable, reload]);

  return null;
}
