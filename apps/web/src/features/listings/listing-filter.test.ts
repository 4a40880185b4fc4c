import { describe, expect, it } from 'vitest';
import { LISTING_FILTERS, filterFromSearch } from './listing-filter';

describe('the listings filter', () => {
  it.each([
    ['', 'proposed'],
    ['?show=active', 'active'],
    ['?show=closed', 'closed'],
    ['?show=expired', 'expired'],
    ['?show=declined', 'declined'],
    ['?show=constructor', 'proposed'],
    ['?show=everything', 'proposed'],
  ])('reads %s as %s', (search, filter) => {
    expect(filterFromSearch(search)).toBe(filter);
  });

  it('asks for the waiting proposals, the active, expired or declined ones, or all closed ones', () => {
    expect(LISTING_FILTERS).toEqual({
      proposed: ['proposed'],
      active: ['active'],
      expired: ['expired'],
      declined: ['declined'],
      closed: ['expired', 'ended', 'declined'],
    });
  });
});
