import type { IncidentReportInput } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import type { SendIncident, SendOutcome } from './incident-sender';
import { createOutbox, receiptOf } from './outbox';
import { createMemoryOutboxStore } from './outbox-store';

const OWNER = '6a1f1d3e-2f7e-4c55-9a42-0d5f5c1e9b01';
const OTHER = '0b9e7c1a-58a4-4d5e-8d0c-3f3b7a0e2c11';

const report = (description: string): IncidentReportInput => ({
  occurredAt: '2026-03-10T09:15:00.000Z',
  place: { description },
  categories: ['threat'],
  level: 2,
  quick: true,
});

const receipt = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  reference: `V-2026-0000${n}`,
  status: 'submitted' as const,
  submittedAt: '2026-03-10T09:16:00.000Z',
});

/** A server that answers from a script and records what it received. */
function scriptedServer(...answers: SendOutcome[]) {
  const calls: { key: string; report: unknown }[] = [];
  const send: SendIncident = (key, body) => {
    calls.push({ key, report: body });
    return Promise.resolve(answers.shift() ?? { kind: 'retry', code: 'client.network' });
  };
  return { calls, send };
}

function setup(...answers: SendOutcome[]) {
  const store = createMemoryOutboxStore();
  const server = scriptedServer(...answers);
  let ids = 0;
  let clock = Date.parse('2026-03-10T09:20:00Z');
  const outbox = createOutbox({
    store,
    send: server.send,
    now: () => new Date((clock += 1000)),
    newId: () => `7d0c2a4e-1b7f-4a4e-9f0e-00000000000${(ids += 1)}`,
  });
  return { store, server, outbox };
}

describe('the outbox of reports', () => {
  it('keeps a report encrypted on the device until it is sent', async () => {
    const { store, outbox } = setup();
    const entry = await outbox.add(OWNER, report('Bürgerbüro Nord'));
    const stored = store.entries.get(entry.id)!;
    expect(JSON.stringify(stored)).not.toContain('Bürgerbüro');
    expect(new TextDecoder().decode(stored.sealed.ciphertext)).not.toContain('Bürgerbüro');
    expect(await store.loadKey()).toMatchObject({ extractable: false });
    expect((await outbox.entries(OWNER)).map((e) => e.report)).toEqual([report('Bürgerbüro Nord')]);
  });

  it('sends with the idempotency key fixed at creation, every time', async () => {
    const { server, outbox } = setup(
      { kind: 'retry', code: 'client.network' },
      { kind: 'retry', code: 'server.unavailable' },
      { kind: 'stored', receipt: receipt(1) },
    );
    const entry = await outbox.add(OWNER, report('A'));
    await outbox.flush(OWNER);
    await outbox.flush(OWNER);
    const results = await outbox.flush(OWNER);
    expect(server.calls.map((c) => c.key)).toEqual([entry.id, entry.id, entry.id]);
    expect(
      server.calls.every((c) => JSON.stringify(c.report) === JSON.stringify(report('A'))),
    ).toBe(true);
    expect(receiptOf(results, entry.id)).toEqual(receipt(1));
    expect(await outbox.entries(OWNER)).toEqual([]);
  });

  it('counts failed attempts and remembers only the error code', async () => {
    const { store, outbox } = setup(
      { kind: 'retry', code: 'client.network' },
      { kind: 'retry', code: 'idempotency.in_flight' },
    );
    const entry = await outbox.add(OWNER, report('A'));
    await outbox.flush(OWNER);
    await outbox.flush(OWNER);
    const [kept] = await outbox.entries(OWNER);
    expect(kept).toMatchObject({
      id: entry.id,
      attempts: 2,
      state: 'pending',
      lastError: 'idempotency.in_flight',
      lastAttemptAt: expect.any(String),
    });
    expect(store.entries.size).toBe(1);
  });

  it('drops an entry the server already holds under its key (422 key_reused)', async () => {
    const { outbox } = setup({ kind: 'duplicate' });
    await outbox.add(OWNER, report('A'));
    await outbox.flush(OWNER);
    expect(await outbox.entries(OWNER)).toEqual([]);
  });

  it('keeps a refused report for correction and stops sending it', async () => {
    const { server, outbox } = setup({
      kind: 'invalid',
      code: 'request.invalid',
      fieldErrors: [
        { field: 'persons.0.familyName', code: 'too_long', message: { de: 'x', en: 'x' } },
      ],
    });
    const entry = await outbox.add(OWNER, report('A'));
    await outbox.flush(OWNER);
    await outbox.flush(OWNER);
    expect(server.calls).toHaveLength(1);
    const [kept] = await outbox.entries(OWNER);
    expect(kept).toMatchObject({
      state: 'invalid',
      problems: [{ field: 'persons.0.familyName', code: 'too_long' }],
    });
    // Corrected, it becomes a new entry with a new key; the refused one is gone.
    const corrected = await outbox.replace(entry.id, OWNER, report('B'));
    expect(corrected.id).not.toBe(entry.id);
    expect((await outbox.entries(OWNER)).map((e) => e.id)).toEqual([corrected.id]);
  });

  it('sends oldest first and stops at the first network failure', async () => {
    const { outbox } = setup(
      { kind: 'stored', receipt: receipt(1) },
      { kind: 'retry', code: 'client.network' },
    );
    const first = await outbox.add(OWNER, report('A'));
    const second = await outbox.add(OWNER, report('B'));
    await outbox.add(OWNER, report('C'));
    const results = await outbox.flush(OWNER);
    expect(results.map((r) => r.id)).toEqual([first.id, second.id]);
    expect((await outbox.entries(OWNER)).map((e) => e.report.place.description)).toEqual([
      'B',
      'C',
    ]);
  });

  it('sends only the entries of the signed-in user', async () => {
    const { server, outbox } = setup({ kind: 'stored', receipt: receipt(1) });
    await outbox.add(OTHER, report('theirs'));
    await outbox.flush(OWNER);
    expect(server.calls).toEqual([]);
    expect(await outbox.entries(OWNER)).toEqual([]);
    expect(await outbox.entries(OTHER)).toHaveLength(1);
  });

  it('never sends one entry twice when flushes overlap', async () => {
    const { server, outbox } = setup({ kind: 'stored', receipt: receipt(1) });
    await outbox.add(OWNER, report('A'));
    await Promise.all([outbox.flush(OWNER), outbox.flush(OWNER), outbox.flush(OWNER)]);
    expect(server.calls).toHaveLength(1);
  });

  it('wipes entries and key on sign-out; a new key is made afterwards', async () => {
    const { store, outbox } = setup();
    await outbox.add(OWNER, report('A'));
    const firstKey = await store.loadKey();
    let notified = 0;
    outbox.subscribe(() => (notified += 1));
    await outbox.wipe();
    expect(store.entries.size).toBe(0);
    expect(await store.loadKey()).toBeUndefined();
    expect(notified).toBe(1);
    await outbox.add(OWNER, report('B'));
    expect(await store.loadKey()).not.toBe(firstKey);
  });

  it('remembers its owner encrypted until sign-out', async () => {
    const { store, outbox } = setup();
    expect(await outbox.lastOwner()).toBeNull();
    await outbox.rememberOwner({ id: OWNER, displayName: 'Erika Mustermann' });
    expect(await outbox.lastOwner()).toEqual({ id: OWNER, displayName: 'Erika Mustermann' });
    const sealed = await store.loadOwner();
    expect(new TextDecoder().decode(sealed!.ciphertext)).not.toContain('Erika');
    await outbox.wipe();
    expect(await outbox.lastOwner()).toBeNull();
  });

  it('drops entries that can no longer be opened (key gone)', async () => {
    const { store, outbox } = setup();
    const entry = await outbox.add(OWNER, report('A'));
    const kept = store.entries.get(entry.id)!;
    await store.wipe();
    await store.put(kept);
    expect(await outbox.entries(OWNER)).toEqual([]);
    expect(store.entries.size).toBe(0);
  });

  it('confirms an arrival with its reference number, also when sent by a later flush', async () => {
    const { store, outbox } = setup(
      { kind: 'retry', code: 'auth.unauthenticated' },
      { kind: 'stored', receipt: receipt(1) },
    );
    const entry = await outbox.add(OWNER, report('A'));
    await outbox.flush(OWNER);
    expect(await outbox.arrivals(OWNER)).toEqual([]);
    await outbox.flush(OWNER);
    expect(await outbox.arrivals(OWNER)).toEqual([
      expect.objectContaining({ id: entry.id, reference: 'V-2026-00001' }),
    ]);
    expect(await outbox.arrivals(OTHER)).toEqual([]);
    // Only the reference number is kept, no register data.
    expect(JSON.stringify([...store.arrivals.values()])).not.toContain('"A"');
    await outbox.dismissArrival(entry.id);
    expect(await outbox.arrivals(OWNER)).toEqual([]);
  });

  it('says which entry it is sending while it sends', async () => {
    const seen: (string | null)[] = [];
    const store = createMemoryOutboxStore();
    const outbox: ReturnType<typeof createOutbox> = createOutbox({
      store,
      send: () => {
        seen.push(outbox.sending());
        return Promise.resolve({ kind: 'stored', receipt: receipt(1) });
      },
    });
    const entry = await outbox.add(OWNER, report('A'));
    await outbox.flush(OWNER);
    expect(seen).toEqual([entry.id]);
    expect(outbox.sending()).toBeNull();
  });

  it('forgets arrivals after a week', async () => {
    const store = createMemoryOutboxStore();
    let clock = Date.parse('2026-03-10T09:20:00Z');
    const outbox = createOutbox({
      store,
      send: () => Promise.resolve({ kind: 'stored', receipt: receipt(1) }),
      now: () => new Date(clock),
    });
    await outbox.add(OWNER, report('A'));
    await outbox.flush(OWNER);
    clock += 6 * 24 * 3600 * 1000;
    expect(await outbox.arrivals(OWNER)).toHaveLength(1);
    clock += 2 * 24 * 3600 * 1000;
    expect(await outbox.arrivals(OWNER)).toEqual([]);
    expect(store.arrivals.size).toBe(0);
  });
});
