import { describe, expect, it } from 'vitest';
import { RecoveryCode } from '@zemag/contracts';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are ten distinct codes of the form xxxxx-xxxxx without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('are compared without case, spaces or dashes, and hashed per user', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(RecoveryCode.parse('ABCDE fghjk')).toBe('abcdefghjk');
    expect(hashRecoveryCode('u1', 'abcde-fghjk')).toBe(hashRecoveryCode('u1', 'ABCDEFGHJK'));
    expect(hashRecoveryCode('u1', 'abcde-fghjk')).not.toBe(hashRecoveryCode('u2', 'abcde-fghjk'));
    expect(hashRecoveryCode('u1', 'abcde-fghjk')).toMatch(/^[0-9a-f]{64}$/);
  });
});
