import { describe, expect, it } from 'vitest';
import { createOutboxKey, openJson, sealJson } from './outbox-crypto';

describe('outbox encryption', () => {
  it('opens what it sealed', async () => {
    const key = await createOutboxKey();
    const value = { categories: ['threat'], place: { description: 'Bürgerbüro, Schalter 3' } };
    const sealed = await sealJson(key, value, 'entry-1');
    expect(await openJson(key, sealed, 'entry-1')).toEqual(value);
  });

  it('keeps the report unreadable in the stored bytes', async () => {
    const key = await createOutboxKey();
    const sealed = await sealJson(key, { name: 'Mustermann' }, 'entry-1');
    expect(new TextDecoder().decode(sealed.ciphertext)).not.toContain('Mustermann');
    expect(sealed.iv.byteLength).toBe(12);
  });

  it('uses a fresh IV for every encryption', async () => {
    const key = await createOutboxKey();
    const a = await sealJson(key, 'same', 'entry-1');
    const b = await sealJson(key, 'same', 'entry-1');
    expect(a.iv).not.toEqual(b.iv);
    expect(new Uint8Array(a.ciphertext)).not.toEqual(new Uint8Array(b.ciphertext));
  });

  it('makes a key that cannot be exported', async () => {
    const key = await createOutboxKey();
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  });

  it('refuses another key, another entry or a changed byte', async () => {
    const key = await createOutboxKey();
    const sealed = await sealJson(key, { a: 1 }, 'entry-1');
    await expect(openJson(await createOutboxKey(), sealed, 'entry-1')).rejects.toThrow();
    await expect(openJson(key, sealed, 'entry-2')).rejects.toThrow();
    const tampered = new Uint8Array(sealed.ciphertext.slice(0));
    tampered[0] = tampered[0]! ^ 1;
    await expect(
      openJson(key, { iv: sealed.iv, ciphertext: tampered.buffer }, 'entry-1'),
    ).rejects.toThrow();
  });
});
