import { describe, expect, it } from 'vitest';
import { createMemoryVisitBackend, createVisitStore } from './visit-store';
import { visitList } from './visit-fixtures.test-support';

const OWNER = 'owner-1';

function setUp(at = '2026-11-27T08:00:00.000Z') {
  let now = new Date(at);
  const backend = createMemoryVisitBackend();
  const store = createVisitStore({ backend, now: () => now });
  return { backend, store, setNow: (next: string) => (now = new Date(next)) };
}

describe('the visit list kept on the phone', () => {
  it('is stored sealed: no name, no input line in the clear', async () => {
    const { backend, store } = setUp();
    await store.save(OWNER, visitList('field'));
    const record = backend.record()!;
    expect(record.ownerId).toBe(OWNER);
    expect(record.keepUntil).toBe('2026-11-27T17:00:00.000Z');
    const raw = new TextDecoder('latin1').decode(record.sealed.ciphertext);
    for (const plain of ['Meyer', 'Maier', 'Schulz', 'VZ 2026']) expect(raw).not.toContain(plain);
  });

  it('opens again for its owner until the deadline', async () => {
    const { store } = setUp();
    const saved = await store.save(OWNER, visitList('registrar'));
    expect(await store.load(OWNER)).toEqual(saved);
    expect(await store.purgeExpired()).toBe('2026-11-27T17:00:00.000Z');
  });

  it('is deleted at the deadline, on opening and by the timer check', async () => {
    const { backend, store, setNow } = setUp();
    await store.save(OWNER, visitList());
    setNow('2026-11-27T17:00:00.000Z');
    expect(await store.purgeExpired()).toBeNull();
    expect(backend.record()).toBeUndefined();
    expect(await backend.loadKey()).toBeUndefined();

    setNow('2026-11-27T08:00:00.000Z');
    await store.save(OWNER, visitList());
    setNow('2026-11-28T06:00:00.000Z');
    expect(await store.load(OWNER)).toBeNull();
    expect(backend.record()).toBeUndefined();
  });

  it('is never shown to another user, and goes when they open it', async () => {
    const { backend, store } = setUp();
    await store.save(OWNER, visitList());
    expect(await store.load('someone-else')).toBeNull();
    expect(backend.record()).toBeUndefined();
  });

  it('opens for the last user when the app starts without a session, until the deadline', async () => {
    const { store, setNow } = setUp();
    const saved = await store.save(OWNER, visitList());
    expect(await store.load(null)).toEqual(saved);
    setNow('2026-11-27T17:00:01.000Z');
    expect(await store.load(null)).toBeNull();
  });

  it('is deleted with its key at once (sign-out, the delete button), and says so', async () => {
    const { backend, store } = setUp();
    let changes = 0;
    store.subscribe(() => (changes += 1));
    await store.save(OWNER, visitList());
    await store.wipe();
    expect(backend.record()).toBeUndefined();
    expect(await backend.loadKey()).toBeUndefined();
    expect(await store.load(OWNER)).toBeNull();
    expect(changes).toBe(2);
  });

  it('is dropped when its key is gone (unreadable)', async () => {
    const { backend, store } = setUp();
    await store.save(OWNER, visitList());
    const record = backend.record()!;
    await backend.wipe();
    await backend.put(record);
    expect(await store.load(OWNER)).toBeNull();
    expect(backend.record()).toBeUndefined();
  });
});
