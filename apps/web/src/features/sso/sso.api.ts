import {
  parseSsoError,
  SSO_ERROR_PARAM,
  type SsoConfig,
  ssoContract,
  type SsoErrorCode,
} from '@zemag/contracts';
import type { ApiClient } from '../../api/api-client';

/** Where the button goes: a full page navigation, the server redirects to the identity provider. */
export const SSO_START_PATH = ssoContract.start.path;

/** Whether single sign-on is offered, and the button text the city chose. */
export function fetchSsoConfig(api: ApiClient): Promise<SsoConfig> {
  return api.call(ssoContract.config);
}

/**
 * The error code a failed single sign-on left in the address (`?sso_error=sso.expired`), and
 * the address without it. Unknown values are ignored: the page never shows text from a URL.
 */
export function takeSsoError(location: { pathname: string; search: string; hash: string }): {
  code: SsoErrorCode | null;
  cleanUrl: string | null;
} {
  const params = new URLSearchParams(location.search);
  if (!params.has(SSO_ERROR_PARAM)) return { code: null, cleanUrl: null };
  const code = parseSsoError(params.get(SSO_ERROR_PARAM));
  params.delete(SSO_ERROR_PARAM);
  const search = params.toString();
  return { code, cleanUrl: `${location.pathname}${search ? `?${search}` : ''}${location.hash}` };
}
