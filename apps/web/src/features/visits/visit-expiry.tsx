import { useEffect } from 'react';
import { nextCheckIn } from './visit-storage';
import { browserVisitStore } from './visit-store.browser';

/**
 * Deletes a visit list kept on the device once its time is up: when the app starts, when it
 * comes back to the foreground, and by a timer (at the deadline, at least once a minute).
 */
export function VisitListExpiry() {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    async function check() {
      clearTimeout(timer);
      const keepUntil = await browserVisitStore()
        .purgeExpired()
        .catch(() => null);
      if (!stopped) timer = setTimeout(() => void check(), nextCheckIn(keepUntil, new Date()));
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    void check();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return null;
}
