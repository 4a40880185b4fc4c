import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterFromSearch,
  filterToSearch,
  pageCount,
  userSearchQuery,
} from './user-filter';

describe('userSearchQuery', () => {
  it('asks for the first page of active users by default', () => {
    expect(userSearchQuery(EMPTY_FILTER)).toBe('status=active&limit=20&offset=0');
  });

  it('sends every filter that is set, trimmed, and the offset of the page', () => {
    const query = userSearchQuery({
      q: '  Müller ',
      departmentCode: '32-2',
      role: 'field',
      status: 'all',
      page: 2,
    });
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      q: 'Müller',
      departmentCode: '32-2',
      role: 'field',
      status: 'all',
      limit: '20',
      offset: '40',
    });
  });
});

describe('the filter in the address', () => {
  it('leaves out the defaults', () => {
    expect(filterToSearch(EMPTY_FILTER)).toBe('');
  });

  it('survives a round trip', () => {
    const filter = {
      q: 'kim & co',
      departmentCode: '32',
      role: 'admin' as const,
      status: 'disabled' as const,
      page: 3,
    };
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
  });

  it('falls back to the defaults for anything unknown', () => {
    expect(filterFromSearch('?role=king&status=gone&page=-4')).toEqual(EMPTY_FILTER);
  });
});

describe('pageCount', () => {
  it.each([
    [0, 1],
    [20, 1],
    [21, 2],
    [200, 10],
  ])('%i results fill %i pages', (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });
});
