import { describe, expect, it } from 'vitest';
import {
  DataKeyError,
  fieldAad,
  isSealed,
  kekIdOf,
  newDataKey,
  openText,
  parseKeyText,
  sealedKeyId,
  sealText,
  unwrapDataKey,
  wrapDataKey,
} from './field-crypto.js';

const dek = newDataKey();
const keys = (id: number) => (id === 3 ? dek : undefined);
const aad = fieldAad('incidents.description', '7d3c…-row');

describe('field encryption', () => {
  it('seals and opens a narrative, umlauts and emoji included, never showing it', () => {
    const text = 'Herr Müller drohte mit einem Messer 🔪 im Treppenhaus.';
    const sealed = sealText(dek, 3, text, aad);
    expect(sealed).toMatch(/^enc:v1:3:/);
    expect(sealed).not.toContain('Müller');
    expect(isSealed(sealed)).toBe(true);
    expect(sealedKeyId(sealed)).toBe(3);
    expect(openText(keys, sealed, aad)).toBe(text);
    // the same text twice gives two different values (random IV)
    expect(sealText(dek, 3, text, aad)).not.toBe(sealed);
  });

  it('passes text written before encryption through as it is', () => {
    expect(openText(keys, 'Beleidigung am Schalter', aad)).toBe('Beleidigung am Schalter');
    expect(openText(keys, 'enc:v1: kein Schlüssel', aad)).toBe('enc:v1: kein Schlüssel');
  });

  it('refuses a value moved to another row or column', () => {
    const sealed = sealText(dek, 3, 'Notiz', fieldAad('persons.notes', 'a'));
    expect(() => openText(keys, sealed, fieldAad('persons.notes', 'b'))).toThrow(DataKeyError);
    expect(() => openText(keys, sealed, fieldAad('incidents.description', 'a'))).toThrow(
      /another row or column/,
    );
  });

  it('refuses an edited value and names an unknown data key', () => {
    const sealed = sealText(dek, 3, 'Schlag gegen die Schulter', aad);
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString('base64url');
    expect(() => openText(keys, parts.join(':'), aad)).toThrow(/was changed/);
    expect(() => openText(keys, sealed.replace('enc:v1:3:', 'enc:v1:4:'), aad)).toThrow(
      /Data key 4 is unknown/,
    );
  });

  it('wraps a data key so that only the same KEK and id open it', () => {
    const kek = newDataKey();
    const wrapped = wrapDataKey(kek, 1, dek);
    expect(unwrapDataKey(kek, 1, wrapped).equals(dek)).toBe(true);
    const other = newDataKey();
    expect(() => unwrapDataKey(other, 1, wrapped)).toThrow(
      new RegExp(`cannot be unwrapped with key ${kekIdOf(other)}`),
    );
    expect(() => unwrapDataKey(kek, 2, wrapped)).toThrow(DataKeyError);
    expect(() => unwrapDataKey(kek, 1, 'kw1:nonsense')).toThrow(DataKeyError);
  });

  it('reads a key file in base64 (openssl rand -base64 32) or hex, nothing shorter', () => {
    const key = newDataKey();
    expect(parseKeyText(`${key.toString('base64')}\n`)?.equals(key)).toBe(true);
    expect(parseKeyText(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseKeyText(newDataKey().subarray(0, 16).toString('base64'))).toBeNull();
    expect(parseKeyText('not a key')).toBeNull();
    expect(kekIdOf(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(kekIdOf(key)).not.toContain(key.toString('hex').slice(0, 16));
  });
});
