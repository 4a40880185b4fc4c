import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalJsonAroundChain,
  GENESIS_HASH,
  hashAuditEvent,
} from './audit.canonical.js';

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ nested: { z: true, y: null } }, '{"nested":{"y":null,"z":true}}'],
    [[3, 'x', { k: 'ü' }], '[3,"x",{"k":"ü"}]'],
    [{ dropped: undefined, kept: 0 }, '{"kept":0}'],
    [new Date('2026-01-15T08:00:00.123Z'), '"2026-01-15T08:00:00.123Z"'],
    ['quote " and \\ backslash', '"quote \\" and \\\\ backslash"'],
    [{ '': -Infinity, n: Number.NaN, p: [Infinity] }, '{"":null,"n":null,"p":[null]}'],
  ])('encodes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses values JSON cannot carry at all', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('audit event hash', () => {
  const event = {
    seq: 1,
    occurredAt: new Date('2026-01-15T08:00:00Z'),
    actorId: null,
    action: 'auth.sign_in_failed',
    subjectType: null,
    subjectId: null,
    purpose: null,
    details: { reason: 'unknown_user' },
    prevHash: GENESIS_HASH,
  };

  it('is a SHA-256 hex digest that does not depend on key order', () => {
    const reordered = { ...event, details: { reason: 'unknown_user' } };
    expect(hashAuditEvent(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEvent(reordered)).toBe(hashAuditEvent(event));
  });

  it('changes when any covered field changes, including the previous hash', () => {
    const base = hashAuditEvent(event);
    expect(hashAuditEvent({ ...event, action: 'auth.sign_in' })).not.toBe(base);
    expect(hashAuditEvent({ ...event, details: { reason: 'wrong_password' } })).not.toBe(base);
    expect(hashAuditEvent({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashAuditEvent({ ...event, occurredAt: new Date('2026-01-15T08:00:00.001Z') })).not.toBe(
      base,
    );
  });

  it('splits into the parts the database hashes around the previous hash and the number', () => {
    for (const fields of [
      event,
      { ...event, actorId: 'a1b2', subjectType: 'person', subjectId: 'p-1', purpose: 'Akte: 1' },
      { ...event, details: { query: { familyName: 'Müller "Ü"\\' }, ids: [1, null] } },
    ]) {
      const { seq, prevHash, ...rest } = { ...fields, seq: 4711, prevHash: 'e'.repeat(64) };
      const parts = canonicalJsonAroundChain(rest);
      expect(parts.beforePrevHash + prevHash + parts.beforeSeq + String(seq) + parts.afterSeq).toBe(
        canonicalJson({ ...rest, seq, prevHash }),
      );
    }
  });
});
