import { describe, expect, it } from 'vitest';
import { listingActions } from './listings.mapping.js';
import { addDays } from './listings.rules.js';

const base = { proposedBy: 'a', restricted: false, extensionProposedBy: null };

describe('what a registrar may do with a listing', () => {
  it('a proposal: another registrar activates or declines, the proposer only declines', () => {
    expect(listingActions('b', { ...base, status: 'proposed' })).toEqual(['activate', 'decline']);
    expect(listingActions('a', { ...base, status: 'proposed' })).toEqual(['decline']);
  });

  it('an active listing: letter, record, end, extend, restrict; nothing on an own report', () => {
    expect(listingActions('b', { ...base, status: 'active' })).toEqual([
      'letter',
      'record_notification',
      'end',
      'extend',
      'restrict',
    ]);
    expect(listingActions('b', { ...base, status: 'active' }, true)).toEqual([]);
  });

  it('a pending extension is confirmed by anyone but its proposer; no letter while restricted', () => {
    const pending = { ...base, status: 'active', extensionProposedBy: 'b', restricted: true };
    expect(listingActions('b', pending)).toEqual([
      'record_notification',
      'end',
      'withdraw_extension',
      'lift_restriction',
    ]);
    expect(listingActions('c', pending)).toContain('confirm_extension');
  });

  it('a closed listing: only a restriction left to lift', () => {
    expect(listingActions('b', { ...base, status: 'declined' })).toEqual([]);
    expect(listingActions('b', { ...base, status: 'ended', restricted: true })).toEqual([
      'lift_restriction',
    ]);
  });
});

describe('addDays', () => {
  it('counts calendar days across months, years and leap days', () => {
    expect(addDays('2026-01-15', 30)).toBe('2026-02-14');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
