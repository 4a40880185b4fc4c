import { describe, expect, it } from 'vitest';
import { delayAfter, MAX_DELAY_MS } from './throttle.policy.js';

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
