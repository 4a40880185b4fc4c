import { describe, expect, it, vi } from 'vitest';
import { extractSetupToken, takeSetupToken } from './setup-token';

describe('extractSetupToken', () => {
  it.each([
    ['#token=abc123', 'abc123'],
    ['token=abc123', 'abc123'],
    ['#token=a-b_c&x=1', 'a-b_c'],
    ['#x=1&token=zzz', 'zzz'],
    ['#token=%2Fencoded%3D', '/encoded='],
    ['#token=', null],
    ['#token=%20%20', null],
    ['#other=1', null],
    ['', null],
    ['#', null],
  ])('reads %j as %j', (hash, expected) => {
    expect(extractSetupToken(hash)).toBe(expected);
  });
});

describe('takeSetupToken', () => {
  it('removes the token from the address bar and keeps path and query', () => {
    const history = { state: { keep: true }, replaceState: vi.fn() };
    const token = takeSetupToken(
      { hash: '#token=secret', pathname: '/setup', search: '?a=1' },
      history,
    );
    expect(token).toBe('secret');
    expect(history.replaceState).toHaveBeenCalledWith({ keep: true }, '', '/setup?a=1');
  });

  it('leaves the address bar alone when there is no fragment', () => {
    const history = { state: null, replaceState: vi.fn() };
    expect(takeSetupToken({ hash: '', pathname: '/setup', search: '' }, history)).toBeNull();
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});
