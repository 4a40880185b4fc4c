import type { IncidentReportInput } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import type { Translator } from '../../api/problem-message';
import type { SendIncident, SendOutcome } from './incident-sender';
import { createOutbox } from './outbox';
import { createMemoryOutboxStore } from './outbox-store';
import { submitThroughOutbox } from './submit-report';

const OWNER = '6a1f1d3e-2f7e-4c55-9a42-0d5f5c1e9b01';
const input: IncidentReportInput = {
  occurredAt: '2026-03-10T09:15:00.000Z',
  place: { description: 'Bürgerbüro Nord' },
  categories: ['threat'],
  level: 2,
  quick: true,
};
const receipt = {
  id: '00000000-0000-4000-8000-000000000001',
  reference: 'V-2026-00001',
  status: 'submitted' as const,
  submittedAt: '2026-03-10T09:16:00.000Z',
};
const tr: Translator = { language: 'de', exists: () => false, t: (key) => key };
const answering =
  (...outcomes: SendOutcome[]): SendIncident =>
  () =>
    Promise.resolve(outcomes.shift() ?? { kind: 'retry', code: 'client.network' });
const never: SendIncident = () => Promise.reject(new Error('not expected'));

function setup(send: SendIncident) {
  const store = createMemoryOutboxStore();
  return { store, outbox: createOutbox({ store, send }) };
}

describe('submitting a report', () => {
  it('goes through the outbox and returns the receipt; nothing stays on the device', async () => {
    const { store, outbox } = setup(answering({ kind: 'stored', receipt }));
    const result = await submitThroughOutbox({
      outbox,
      ownerId: OWNER,
      input,
      replaceId: null,
      tr,
      sendDirect: never,
    });
    expect(result).toMatchObject({ kind: 'stored', receipt });
    expect(store.entries.size).toBe(0);
    // Confirmed on the page itself: no second confirmation waits on the start page.
    expect(await outbox.arrivals(OWNER)).toEqual([]);
  });

  it('is kept on the device without a connection', async () => {
    const { store, outbox } = setup(answering({ kind: 'retry', code: 'client.network' }));
    const result = await submitThroughOutbox({
      outbox,
      ownerId: OWNER,
      input,
      replaceId: null,
      tr,
      sendDirect: never,
    });
    expect(result).toMatchObject({ kind: 'saved', code: 'client.network' });
    expect(store.entries.size).toBe(1);
  });

  it('after the session ran out it is kept and waits for the sign-in, then arrives once', async () => {
    const calls: string[] = [];
    const { store, outbox } = setup((key) => {
      calls.push(key);
      return Promise.resolve(
        calls.length === 1
          ? { kind: 'retry', code: 'auth.unauthenticated' }
          : { kind: 'stored', receipt },
      );
    });
    const result = await submitThroughOutbox({
      outbox,
      ownerId: OWNER,
      input,
      replaceId: null,
      tr,
      sendDirect: never,
    });
    expect(result).toMatchObject({ kind: 'saved', code: 'auth.unauthenticated' });
    expect([...store.entries.values()][0]).toMatchObject({ lastError: 'auth.unauthenticated' });
    // Signed in again, the flush sends it with the same key; it arrives with its number.
    await outbox.flush(OWNER);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe(calls[0]);
    expect(store.entries.size).toBe(0);
    expect(await outbox.arrivals(OWNER)).toEqual([
      expect.objectContaining({ reference: 'V-2026-00001' }),
    ]);
  });

  it('puts a refused time at its field, and the correction replaces the entry', async () => {
    const { store, outbox } = setup(
      answering(
        { kind: 'invalid', code: 'incident.in_future', fieldErrors: [] },
        { kind: 'stored', receipt },
      ),
    );
    const first = await submitThroughOutbox({
      outbox,
      ownerId: OWNER,
      input,
      replaceId: null,
      tr,
      sendDirect: never,
    });
    expect(first).toMatchObject({
      kind: 'refused',
      failure: { problems: [{ field: 'occurredAt', code: 'incident.in_future' }], message: null },
    });
    expect(store.entries.size).toBe(1);
    const second = await submitThroughOutbox({
      outbox,
      ownerId: OWNER,
      input,
      replaceId: first.entryId,
      tr,
      sendDirect: never,
    });
    expect(second).toMatchObject({ kind: 'stored', receipt });
    expect(store.entries.size).toBe(0);
  });

  it('is sent directly when the device cannot store it', async () => {
    const { outbox } = setup(never);
    const broken = { ...outbox, add: () => Promise.reject(new Error('QuotaExceededError')) };
    const keys: string[] = [];
    const result = await submitThroughOutbox({
      outbox: broken,
      ownerId: OWNER,
      input,
      replaceId: null,
      tr,
      sendDirect: (key) => {
        keys.push(key);
        return Promise.resolve({ kind: 'stored', receipt });
      },
    });
    expect(result).toMatchObject({ kind: 'stored', receipt, entryId: null });
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
