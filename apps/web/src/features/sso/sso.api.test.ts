import { describe, expect, it } from 'vitest';
import { takeSsoError } from './sso.api';

describe('the single sign-on error in the address', () => {
  it('is read and removed from the address', () => {
    expect(
      takeSsoError({ pathname: '/sign-in', search: '?sso_error=sso.expired', hash: '' }),
    ).toEqual({ code: 'sso.expired', cleanUrl: '/sign-in' });
  });

  it('keeps other parameters', () => {
    expect(
      takeSsoError({ pathname: '/sign-in', search: '?a=1&sso_error=sso.no_account', hash: '#x' }),
    ).toEqual({ code: 'sso.no_account', cleanUrl: '/sign-in?a=1#x' });
  });

  it('ignores values that are not single sign-on codes, but still cleans the address', () => {
    expect(
      takeSsoError({ pathname: '/sign-in', search: '?sso_error=<b>hi</b>', hash: '' }),
    ).toEqual({ code: null, cleanUrl: '/sign-in' });
    expect(
      takeSsoError({ pathname: '/sign-in', search: '?sso_error=auth.forbidden', hash: '' }).code,
    ).toBeNull();
  });

  it('is absent without the parameter', () => {
    expect(takeSsoError({ pathname: '/sign-in', search: '', hash: '' })).toEqual({
      code: null,
      cleanUrl: null,
    });
  });
});
