import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalContentAroundSeq,
  canonicalJson,
  GENESIS_HASH,
  hashAuditContent,
  hashAuditEvent,
  hashAuditLink,
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

  it('splits the content into the parts the database hashes around the number', () => {
    for (const fields of [
      event,
      { ...event, actorId: 'a1b2', subjectType: 'person', subjectId: 'p-1', purpose: 'Akte: 1' },
      { ...event, details: { query: { familyName: 'Müller "Ü"\\' }, ids: [1, null] } },
    ]) {
      const { seq, prevHash: _chained, ...rest } = { ...fields, seq: 4711 };
      const parts = canonicalContentAroundSeq(rest);
      expect(parts.beforeSeq + String(seq) + parts.afterSeq).toBe(canonicalJson({ ...rest, seq }));
      expect(hashAuditContent({ ...rest, seq })).toBe(
        createHash('sha256')
          .update(parts.beforeSeq + String(seq) + parts.afterSeq)
          .digest('hex'),
      );
    }
  });

  it('gives another content hash to another number and leaves the chain out of it', () => {
    const base = hashAuditContent(event);
    expect(hashAuditContent({ ...event, seq: 2 })).not.toBe(base);
    expect(hashAuditContent({ ...event, purpose: 'x' })).not.toBe(base);
    const { prevHash: _chained, ...content } = event;
    expect(hashAuditContent({ ...content, seq: 1 })).toBe(base);
  });

  it('links by position, content hash and previous hash, as the database does', () => {
    const link = { chainPos: 12, contentHash: 'a'.repeat(64), prevHash: 'b'.repeat(64) };
    // the text audit_link() hashes in SQL, spelled out
    const text = `{"chainPos":12,"contentHash":"${'a'.repeat(64)}","prevHash":"${'b'.repeat(64)}"}`;
    expect(hashAuditLink(link)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(hashAuditLink({ ...link, chainPos: 13 })).not.toBe(hashAuditLink(link));
  });
});
