import { describe, expect, it } from 'vitest';
import {
  pathAfterSignIn,
  rememberReturnPath,
  safeReturnPath,
  signInPath,
  takeReturnPath,
} from './return-path';

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

describe('the page to return to after single sign-on', () => {
  function memoryStorage() {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  }
  const at = new Date('2026-03-10T09:20:00Z');
  const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

  it('is remembered before leaving and taken once after coming back', () => {
    const storage = memoryStorage();
    rememberReturnPath(storage, '/reports/outbox/7d0c2a4e', at);
    expect(takeReturnPath(storage, later(2))).toBe('/reports/outbox/7d0c2a4e');
    expect(takeReturnPath(storage, later(2))).toBeNull();
  });

  it('is forgotten after ten minutes', () => {
    const storage = memoryStorage();
    rememberReturnPath(storage, '/reports', at);
    expect(takeReturnPath(storage, later(11))).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('never leads to another site, also when the stored value was changed', () => {
    const storage = memoryStorage();
    rememberReturnPath(storage, '//evil.example/', at);
    expect(storage.items.size).toBe(0);
    storage.setItem(
      'zemag.returnTo',
      JSON.stringify({ path: 'https://evil.example/', at: at.getTime() }),
    );
    expect(takeReturnPath(storage, later(1))).toBeNull();
    storage.setItem('zemag.returnTo', 'not json');
    expect(takeReturnPath(storage, later(1))).toBeNull();
  });
});
