import { describe, expect, it } from 'vitest';
import { pathAfterSignIn, safeReturnPath, signInPath } from './return-path';

describe('the page to return to after sign-in', () => {
  it.each([
    ['/reports', '/reports'],
    ['/reports/outbox/7d0c2a4e', '/reports/outbox/7d0c2a4e'],
    ['/lookup?q=Maier', '/lookup?q=Maier'],
    ['/reports#token', '/reports'],
    ['/', '/'],
  ])('%s is a page of the app', (value, path) => {
    expect(safeReturnPath(value)).toBe(path);
  });

  it.each([
    ['https://evil.example/reports'],
    ['//evil.example/reports'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['javascript:alert(1)'],
    ['reports'],
    ['/sign-in'],
    ['/setup'],
    ['/api/v1/session'],
    [''],
    [null],
  ])('%s is never followed', (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it('the sign-in page carries the requested page', () => {
    expect(signInPath('/reports')).toBe('/sign-in?next=%2Freports');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('https://evil.example/')).toBe('/sign-in');
  });

  it('after sign-in the app returns to the requested page, never elsewhere', () => {
    expect(pathAfterSignIn({ pathname: '/sign-in', search: '?next=%2Freports' })).toBe('/reports');
    expect(
      pathAfterSignIn({ pathname: '/sign-in', search: '?next=https%3A%2F%2Fevil.example' }),
    ).toBe('/');
    expect(pathAfterSignIn({ pathname: '/sign-in', search: '?next=%2F%2Fevil.example' })).toBe('/');
    expect(pathAfterSignIn({ pathname: '/sign-in', search: '' })).toBe('/');
    expect(pathAfterSignIn({ pathname: '/reports/new', search: '' })).toBe('/reports/new');
    expect(pathAfterSignIn({ pathname: '/', search: '' })).toBe('/');
  });
});
