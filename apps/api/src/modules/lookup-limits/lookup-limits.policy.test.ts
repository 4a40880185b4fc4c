import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import {
  DEFAULT_LOOKUP_LIMIT,
  available,
  giveBack,
  retryAfterSeconds,
  spend,
  type Budget,
  type LookupLimitSettings,
} from './lookup-limits.policy.js';

const MINUTE = 60_000;
const SMALL: LookupLimitSettings = { burst: 10, perHour: 6 }; // one back every 10 minutes

/** Spends one look-up after another on the clock's "now", as the service does. */
function shift(settings: LookupLimitSettings) {
  const clock = createManualClock();
  let budget: Budget | null = null;
  return {
    clock,
    spend(cost = 1) {
      const decision = spend(budget, cost, clock.now(), settings);
      if (decision.allowed) budget = decision.next;
      return decision;
    },
    left: () => available(budget, clock.now(), settings),
  };
}

describe('the look-up budget of one user', () => {
  it('allows the burst in a row, then refuses with the wait for the next look-up', () => {
    const s = shift(SMALL);
    for (let i = 0; i < 10; i++) expect(s.spend().allowed).toBe(true);
    expect(s.spend()).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE });
  });

  it('gives one look-up back per 1/perHour hour, and allows it exactly when the wait is over', () => {
    const s = shift(SMALL);
    for (let i = 0; i < 10; i++) s.spend();
    s.clock.advance(10 * MINUTE - 1);
    expect(s.spend().allowed).toBe(false);
    s.clock.advance(1);
    expect(s.spend().allowed).toBe(true);
    expect(s.spend()).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE });
  });

  it('never fills up beyond the burst, however long the user was away', () => {
    const s = shift(SMALL);
    s.spend(4);
    s.clock.advance(48 * 60 * MINUTE);
    expect(s.left()).toBe(10);
  });

  it('refuses a visit list whole when the budget is short, naming the wait until all of it fits', () => {
    const s = shift(SMALL);
    s.spend(7);
    // 3 left; a list of 5 needs 2 more: 20 minutes. Nothing is spent by the refusal.
    expect(s.spend(5)).toEqual({ allowed: false, retryAfterMs: 20 * MINUTE });
    expect(s.left()).toBe(3);
    expect(s.spend(3).allowed).toBe(true);
  });

  it('holds a field shift with the defaults: a list of 40 checked three times and 30 single look-ups', () => {
    const s = shift(DEFAULT_LOOKUP_LIMIT);
    const refused = [];
    for (const hour of [0, 4, 8]) {
      s.clock.set(new Date(Date.parse('2026-01-15T07:00:00Z') + hour * 60 * MINUTE));
      if (!s.spend(40).allowed) refused.push(`list at +${hour} h`);
      for (let i = 0; i < 10; i++) if (!s.spend().allowed) refused.push(`look-up at +${hour} h`);
    }
    expect(refused).toEqual([]);
  });

  it('holds a script to the refill rate once the burst is spent', () => {
    const s = shift(DEFAULT_LOOKUP_LIMIT);
    let allowed = 0;
    // one attempt every 10 seconds from 08:00 to 18:00 (both included)
    for (let i = 0; i <= 3_600; i++) {
      if (s.spend().allowed) allowed += 1;
      s.clock.advance(10_000);
    }
    expect(allowed).toBe(DEFAULT_LOOKUP_LIMIT.burst + 10 * DEFAULT_LOOKUP_LIMIT.perHour);
  });

  it('refills nothing when the clock goes back (another instance), and keeps the later count', () => {
    const now = new Date('2026-01-15T08:00:00Z');
    const budget: Budget = { tokens: 2, countedAt: now };
    const earlier = new Date(now.getTime() - 30 * MINUTE);
    expect(available(budget, earlier, SMALL)).toBe(2);
    const decision = spend(budget, 1, earlier, SMALL);
    expect(decision).toEqual({ allowed: true, next: { tokens: 1, countedAt: now } });
  });

  it('gives back what failed on the server, up to the burst', () => {
    const now = new Date('2026-01-15T08:00:00Z');
    expect(giveBack({ tokens: 3, countedAt: now }, 5, now, SMALL).tokens).toBe(8);
    expect(giveBack({ tokens: 9, countedAt: now }, 5, now, SMALL).tokens).toBe(10);
  });

  it('refuses to price a cost above the burst (configuration keeps a visit list within it)', () => {
    expect(() => spend(null, 11, new Date(), SMALL)).toThrow('above the burst');
  });

  it.each([
    [1, 1],
    [999, 1],
    [1_000, 1],
    [1_001, 2],
    [120_000, 120],
  ])('waits of %s ms are sent as Retry-After %s', (ms, seconds) => {
    expect(retryAfterSeconds(ms)).toBe(seconds);
  });
});
