import { describe, expect, it } from 'vitest';
import { matchPath } from './match-path';

describe('matchPath', () => {
  it.each([
    ['/admin/users', '/admin/users', {}],
    ['/admin/users', '/admin/users/', {}],
    ['/admin/users/:id', '/admin/users/0b9c', { id: '0b9c' }],
    ['/admin/users/:id', '/admin/users/a%20b', { id: 'a b' }],
  ])('%s matches %s', (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ['/admin/users/:id', '/admin/users'],
    ['/admin/users/:id', '/admin/users/1/grants'],
    ['/admin/users', '/admin/departments'],
    ['/admin/users/:id', '/admin/users/%E0%A4%A'],
  ])('%s does not match %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });
});
