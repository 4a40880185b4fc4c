import * as oidc from 'openid-client';
import type { Clock } from '../../clock.js';
import type { OidcSettings } from './sso.settings.js';

/** Why talking to the identity provider failed: it is unreachable, or it said no / sent something invalid. */
export class ProviderError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected',
    cause: unknown,
  ) {
    super(`identity provider ${kind}`, { cause });
    this.name = 'ProviderError';
  }
}

// After the provider failed to answer discovery, ask again at the earliest after this: a
// click on the button must not become a request storm against a provider that is down.
const RETRY_DISCOVERY_AFTER_MS = 10_000;
const TIMEOUT_SECONDS = 10;

function isNetworkFailure(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|UND_ERR)/.test(code))
      return true;
  }
  return false;
}

function classify(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof oidc.ResponseBodyError && error.status >= 500) {
    return new ProviderError('unavailable', error);
  }
  return new ProviderError(isNetworkFailure(error) ? 'unavailable' : 'rejected', error);
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/**
 * The relying party's side of the authorization code flow with PKCE (openid-client). The
 * discovery document is fetched on first use and kept; while the provider cannot be reached,
 * each use fails fast with `unavailable` instead of waiting again.
 */
export function createOidcClient({ settings, clock }: { settings: OidcSettings; clock: Clock }) {
  let configuration: Promise<oidc.Configuration> | null = null;
  let failedAt = -Infinity;

  async function discover(): Promise<oidc.Configuration> {
    const auth = settings.clientSecret
      ? oidc.ClientSecretBasic(settings.clientSecret)
      : oidc.None();
    const config = await oidc.discovery(settings.issuer, settings.clientId, undefined, auth, {
      timeout: TIMEOUT_SECONDS,
      // Plain http only where config.ts allows it (never in production).
      ...(settings.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    config.timeout = TIMEOUT_SECONDS;
    return config;
  }

  function configurationNow(): Promise<oidc.Configuration> {
    if (configuration) return configuration;
    if (clock.now().getTime() - failedAt < RETRY_DISCOVERY_AFTER_MS) {
      return Promise.reject(new ProviderError('unavailable', new Error('discovery failed lately')));
    }
    const pending = discover().catch((error: unknown) => {
      configuration = null;
      failedAt = clock.now().getTime();
      throw new ProviderError('unavailable', error);
    });
    configuration = pending;
    return pending;
  }

  return {
    /** The provider's authorization URL for one sign-in (S256 PKCE, state and nonce). */
    async authorizationUrl({
      state,
      nonce,
      codeVerifier,
    }: {
      state: string;
      nonce: string;
      codeVerifier: string;
    }): Promise<URL> {
      const config = await configurationNow();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.callbackUrl.href,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
    },

    /**
     * Exchanges the code and checks the ID token (signature, issuer, audience, expiry, nonce).
     * Claims the ID token lacks are taken from the userinfo endpoint, bound to the same subject.
     */
    async exchange({
      callbackQuery,
      state,
      nonce,
      codeVerifier,
      wanted,
    }: {
      callbackQuery: URLSearchParams;
      state: string;
      nonce: string;
      codeVerifier: string;
      /** Claims ZeMAG maps; when one is missing from the ID token, userinfo is asked. */
      wanted: string[];
    }): Promise<{ claims: Record<string, unknown> }> {
      const config = await configurationNow();
      try {
        const currentUrl = new URL(settings.callbackUrl);
        currentUrl.search = callbackQuery.toString();
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: codeVerifier,
          expectedState: state,
          expectedNonce: nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        const claims: Record<string, unknown> = { ...idClaims };
        const lacking = wanted.some((name) => claims[name] === undefined);
        if (lacking && config.serverMetadata().userinfo_endpoint) {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
          for (const [name, value] of Object.entries(info)) claims[name] ??= value;
        }
        return { claims };
      } catch (error) {
        throw classify(error);
      }
    },
  };
}
