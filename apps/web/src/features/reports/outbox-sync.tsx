import { useEffect } from 'react';
import { useSession } from '../identity/session.context';
import { browserOutbox } from './outbox.browser';

/**
 * Sends the outbox whenever it can: when the app starts signed in, when the device comes back
 * online, and when the tab becomes visible again. Comes the connection back while the app
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
  const unreachable = state.status === 'error';

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
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
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
