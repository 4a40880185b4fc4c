import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../identity/session.context';
import { browserOutbox } from './outbox.browser';
import { sendIsDue } from './outbox-status';

/** How often the open app looks whether a waiting report is due (see RETRY_DELAYS_MS). */
const CHECK_INTERVAL_MS = 5_000;

/**
 * Sends the outbox whenever it can: when the app starts signed in (also right after signing in
 * again), when the device comes back online, and — while it is open — whenever a waiting
 * report is due by the retry schedule (15 s, 30 s, 1 min, 2 min, then every 5 min). A report
 * the server answered with 401 waits for the sign-in instead. Comes the connection back while
 * the app could not reach the server at start, it asks for the session again first.
 */
export function OutboxSync() {
  const { state, reload } = useSession();
  const { i18n } = useTranslation();
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
    // The service worker writes its notifications in the language of the app.
    if (ownerId)
      void browserOutbox()
        .rememberLanguage(i18n.language)
        .catch(() => undefined);
  }, [ownerId, i18n.language]);

  useEffect(() => {
    if (!ownerId) return;
    const outbox = browserOutbox();
    const flush = () => {
      if (navigator.onLine !== false) void outbox.flush(ownerId).catch(() => undefined);
    };
    const flushIfDue = () => {
      if (navigator.onLine === false || outbox.sending()) return;
      void outbox
        .entries(ownerId)
        .then((entries) => {
          if (sendIsDue(entries, { online: true, now: new Date() })) flush();
        })
        .catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') flushIfDue();
    };
    flush();
    const timer = window.setInterval(flushIfDue, CHECK_INTERVAL_MS);
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
