import { useCallback, useEffect, useState } from 'react';
import type { OutboxEntry } from './outbox';
import type { Arrival } from './outbox-store';
import { browserOutbox } from './outbox.browser';

export interface OutboxView {
  /** Undefined until read from the device. */
  entries: OutboxEntry[] | undefined;
  /** Reports that arrived lately (also sent in the background), newest first. */
  arrivals: Arrival[];
  /** The entry this page is sending right now. */
  sendingId: string | null;
  /** What the browser knows about the connection. */
  online: boolean;
  /** Tries to send the pending entries now. */
  sendNow(): Promise<void>;
  /** Stops showing an arrival. */
  dismissArrival(id: string): Promise<void>;
}

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** The signed-in user's unsent and lately arrived reports on this device; re-reads on change. */
export function useOutbox(ownerId: string): OutboxView {
  const [entries, setEntries] = useState<OutboxEntry[] | undefined>(undefined);
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  const [sendingId, setSendingId] = useState<string | null>(null);
  const [online, setOnline] = useState(isOnline);

  useEffect(() => {
    const outbox = browserOutbox();
    let cancelled = false;
    const read = () => {
      setSendingId(outbox.sending());
      outbox.entries(ownerId).then(
        (list) => {
          if (!cancelled) setEntries(list);
        },
        () => {
          if (!cancelled) setEntries([]);
        },
      );
      outbox.arrivals(ownerId).then(
        (list) => {
          if (!cancelled) setArrivals(list);
        },
        () => undefined,
      );
    };
    read();
    const unsubscribe = outbox.subscribe(read);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [ownerId]);

  useEffect(() => {
    const update = () => setOnline(isOnline());
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const sendNow = useCallback(async () => {
    await browserOutbox().flush(ownerId);
  }, [ownerId]);

  const dismissArrival = useCallback((id: string) => browserOutbox().dismissArrival(id), []);

  return { entries, arrivals, sendingId, online, sendNow, dismissArrival };
}
