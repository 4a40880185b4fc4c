import { createIncidentSender } from './incident-sender';
import { type FlushResult, createOutbox } from './outbox';
import { OUTBOX_CHANNEL, exclusiveOutbox } from './outbox-background';
import { createIdbOutboxStore } from './outbox-idb';

/** Thrown so that the browser schedules the Background Sync again. */
export class OutboxNotSent extends Error {}

/**
 * The service worker's part of the outbox: on a Background Sync it sends the reports of the
 * device's last signed-in user (none after sign-out: the wipe also deletes that record) with
 * the session cookie, exactly like the page does, and tells open pages what changed. A lost
 * connection or an ended session leaves the reports waiting and asks for another sync.
 */
export async function flushOutboxInBackground(
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  /** Tells the employee what arrived (a notification when no window is open). */
  notify: (references: (string | null)[], language: string | undefined) => Promise<void> = () =>
    Promise.resolve(),
): Promise<FlushResult[]> {
  const outbox = createOutbox({
    store: createIdbOutboxStore(),
    send: createIncidentSender(fetchImpl),
    exclusive: exclusiveOutbox,
  });
  const owner = await outbox.lastOwner();
  if (!owner) return [];
  const results = await outbox.flush(owner.id);
  if (results.length > 0 && typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.postMessage({ sent: results.filter((r) => r.outcome.kind !== 'retry').length });
    channel.close();
  }
  const arrived = results.flatMap(({ outcome }) =>
    outcome.kind === 'stored'
      ? [outcome.receipt.reference]
      : outcome.kind === 'duplicate'
        ? [null]
        : [],
  );
  if (arrived.length > 0) await notify(arrived, await outbox.language()).catch(() => undefined);
  if (results.some((r) => r.outcome.kind === 'retry')) {
    throw new OutboxNotSent('reports still waiting');
  }
  return results;
}
