import { useCallback, useEffect, useState } from 'react';
import type { OutboxEntry } from './outbox';
import { browserOutbox } from './outbox.browser';

export interface OutboxView {
  /** Undefined until read from the device. */
  entries: OutboxEntry[] | undefined;
  /** Tries to send the pending entries now. */
  sendNow(): Promise<void>;
}

/** The signed-in user's unsent reports on this device; re-reads after every change. */
export function useOutbox(ownerId: string): OutboxView {
  const [entries, setEntries] = useState<OutboxEntry[] | undefined>(undefined);

  useEffect(() => {
    const outbox = browserOutbox();
    let cancelled = false;
    const read = () => {
      outbox.entries(ownerId).then(
        (list) => {
          if (!cancelled) setEntries(list);
        },
        () => {
          if (!cancelled) setEntries([]);
        },
      );
    };
    read();
    const unsubscribe = outbox.subscribe(read);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [ownerId]);

  const sendNow = useCallback(async () => {
    await browserOutbox().flush(ownerId);
  }, [ownerId]);

  return { entries, sendNow };
}
