import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpCode, totpStep, totpUri } from './totp.js';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it.each([
    ['1970-01-01T00:00:59Z', '287082'],
    ['2005-03-18T01:58:29Z', '081804'],
    ['2009-02-13T23:31:30Z', '005924'],
    ['2033-05-18T03:33:20Z', '279037'],
  ])('gives the RFC test vector at %s', (at, code) => {
    expect(totpCode(RFC_SECRET, new Date(at))).toBe(code);
  });

  it('accepts the previous, current and next step and nothing further', () => {
    const at = new Date('2026-01-15T08:00:10Z');
    const step = totpStep(at);
    for (const delta of [-1, 0, 1]) {
      const code = totpCode(RFC_SECRET, new Date((step + delta) * 30_000));
      expect(checkTotp({ secret: RFC_SECRET, code, at, lastUsedStep: null })).toEqual({
        ok: true,
        step: step + delta,
      });
    }
    for (const delta of [-2, 2]) {
      const code = totpCode(RFC_SECRET, new Date((step + delta) * 30_000));
      expect(checkTotp({ secret: RFC_SECRET, code, at, lastUsedStep: null })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it('refuses a code of a step at or before the last one used (replay)', () => {
    const at = new Date('2026-01-15T08:00:10Z');
    const step = totpStep(at);
    const code = totpCode(RFC_SECRET, at);
    expect(checkTotp({ secret: RFC_SECRET, code, at, lastUsedStep: step })).toEqual({
      ok: false,
      reason: 'reused',
    });
    expect(checkTotp({ secret: RFC_SECRET, code, at, lastUsedStep: step - 1 }).ok).toBe(true);
    const previous = totpCode(RFC_SECRET, new Date((step - 1) * 30_000));
    expect(checkTotp({ secret: RFC_SECRET, code: previous, at, lastUsedStep: step }).ok).toBe(
      false,
    );
  });

  it('makes 160-bit secrets and an otpauth URI with issuer ZeMAG', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, 'kim.muster');
    expect(uri).toMatch(/^otpauth:\/\/totp\/ZeMAG:kim\.muster\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=ZeMAG');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });
});
