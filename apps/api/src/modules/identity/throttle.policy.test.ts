import { describe, expect, it } from 'vitest';
import {
  delayAfter,
  FORGET_AFTER_MS,
  giveBackAttempt,
  MAX_DELAY_MS,
  reserveAttempt,
} from './throttle.policy.js';

describe('sign-in throttle delays', () => {
  it.each([
    [1, 0],
    [5, 0],
    [6, 1000],
    [7, 2000],
    [10, 16_000],
    [15, 512_000],
    [16, MAX_DELAY_MS],
    [100, MAX_DELAY_MS],
  ])('after %i failures on one account the next attempt waits %i ms', (failures, delay) => {
    expect(delayAfter(failures, 'account')).toBe(delay);
  });

  it('allows many more failures from one address, which may be a whole office', () => {
    expect(delayAfter(30, 'client')).toBe(0);
    expect(delayAfter(31, 'client')).toBe(1000);
  });
});

describe('counting an attempt before the secret is checked', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('counts the attempt as a failure and sets the wait it would cause', () => {
    expect(reserveAttempt(null, now, 'account')).toEqual({
      allowed: true,
      next: { failures: 1, lastFailureAt: now, blockedUntil: now },
    });
    const fifth = { failures: 5, lastFailureAt: at(-10), blockedUntil: at(-10) };
    expect(reserveAttempt(fifth, now, 'account')).toEqual({
      allowed: true,
      next: { failures: 6, lastFailureAt: now, blockedUntil: at(1000) },
    });
  });

  it('refuses while the key must wait, without counting', () => {
    const waiting = { failures: 6, lastFailureAt: now, blockedUntil: at(1000) };
    expect(reserveAttempt(waiting, at(400), 'account')).toEqual({
      allowed: false,
      retryAfterMs: 600,
    });
  });

  it('starts again from one after a day without failures', () => {
    const old = { failures: 20, lastFailureAt: at(-FORGET_AFTER_MS - 1), blockedUntil: at(-1) };
    const decision = reserveAttempt(old, now, 'account');
    expect(decision.allowed && decision.next.failures).toBe(1);
  });

  it('gives the attempt back exactly when nobody counted meanwhile, else one failure less', () => {
    const before = { failures: 30, lastFailureAt: at(-5000), blockedUntil: at(-5000) };
    const after = { failures: 31, lastFailureAt: now, blockedUntil: at(1000) };
    expect(giveBackAttempt(after, { before, after })).toEqual(before);
    const later = { failures: 33, lastFailureAt: at(20), blockedUntil: at(4020) };
    expect(giveBackAttempt(later, { before, after })).toEqual({ ...later, failures: 32 });
    const first = { failures: 1, lastFailureAt: now, blockedUntil: now };
    expect(giveBackAttempt(first, { before: null, after: first })).toBeNull();
  });
});
