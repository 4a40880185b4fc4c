import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointSignatureValid, parseCheckpoint, signCheckpoint } from './audit.checkpoint.js';
import { keyIdOf, type AuditSigningKey } from './audit.signing-key.js';

function newKey(): AuditSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

const head = { position: 41, seq: 44, hash: 'ab'.repeat(32) };
const at = new Date('2026-12-06T03:00:00Z');

describe('a signed checkpoint', () => {
  const key = newKey();

  it('holds the head, the time and the key, and its signature fits', () => {
    const checkpoint = signCheckpoint(head, at, key);
    expect(checkpoint).toMatchObject({
      v: 1,
      ...head,
      at: '2026-12-06T03:00:00.000Z',
      key: key.keyId,
    });
    expect(checkpointSignatureValid(checkpoint, key.publicKey)).toBe(true);
    // and survives the round trip through its JSON line
    const parsed = parseCheckpoint(JSON.stringify(checkpoint));
    expect(parsed).toEqual(checkpoint);
  });

  it('no longer fits once any signed field is changed', () => {
    const checkpoint = signCheckpoint(head, at, key);
    for (const changed of [
      { ...checkpoint, position: 42 },
      { ...checkpoint, seq: 45 },
      { ...checkpoint, hash: 'cd'.repeat(32) },
      { ...checkpoint, at: '2026-12-06T04:00:00.000Z' },
      { ...checkpoint, key: 'ffffffffffffffff' },
    ]) {
      expect(checkpointSignatureValid(changed, key.publicKey)).toBe(false);
    }
  });

  it('does not fit another key, nor a signature that is no base64 of one', () => {
    const checkpoint = signCheckpoint(head, at, key);
    expect(checkpointSignatureValid(checkpoint, newKey().publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, signature: '!!' }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, signature: '' }, key.publicKey)).toBe(false);
  });

  it('names what is wrong with a line that is not a checkpoint', () => {
    const good = signCheckpoint(head, at, key);
    const cases: [string, RegExp][] = [
      ['{"v":1,', /no JSON/],
      ['[1,2]', /no JSON object/],
      ['null', /no JSON object/],
      [JSON.stringify({ ...good, v: 2 }), /version/],
      [JSON.stringify({ ...good, position: -1 }), /position/],
      [JSON.stringify({ ...good, seq: 1.5 }), /seq/],
      [JSON.stringify({ ...good, hash: 'x'.repeat(64) }), /hash/],
      [JSON.stringify({ ...good, at: 'gestern' }), /time/],
      [JSON.stringify({ ...good, signature: undefined }), /unsigned/],
      [JSON.stringify({ ...good, key: '' }), /key/],
      ['\u0000\ud800', /no JSON/],
    ];
    for (const [line, reason] of cases) expect(parseCheckpoint(line)).toMatch(reason);
  });
});
