import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the test provider says about one person (the login name is the subject). */
export interface TestAccount {
  preferred_username: string;
  name: string;
  email?: string;
  groups?: string[];
  department?: string;
}

export interface TestOidcProvider {
  /** The issuer URL, e.g. `http://127.0.0.1:41234`. */
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** Accounts by subject; tests add and change them while the provider runs. */
  accounts: Map<string, TestAccount>;
  /** Settings for ZeMAG's loadConfig that point single sign-on at this provider. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (node-oidc-provider) on loopback with its own RSA signing key
 * and one client for ZeMAG. Its development login page accepts any password for a known login
 * name; then it asks for consent. Groups and department are `profile` claims, so (as with
 * providers that keep the ID token small) ZeMAG has to ask the userinfo endpoint for them.
 */
export async function startOidcProvider({
  redirectUri,
  confidential = true,
  host = '127.0.0.1',
}: {
  /** ZeMAG's callback, e.g. `http://127.0.0.1:3000/api/v1/sso/callback`. */
  redirectUri: string;
  /** With a client secret (client_secret_basic), else a public client with PKCE only. */
  confidential?: boolean;
  /** The host name in the issuer URL: `localhost` makes the provider another site than 127.0.0.1. */
  host?: string;
}): Promise<TestOidcProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomUUID(),
    use: 'sig',
    alg: 'RS256',
  };
  const clientId = 'zemag';
  const clientSecret = confidential ? `secret-${randomUUID()}` : null;
  const accounts = new Map<string, TestAccount>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        ...(clientSecret
          ? { client_secret: clientSecret, token_endpoint_auth_method: 'client_secret_basic' }
          : { token_endpoint_auth_method: 'none' }),
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [jwk] },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'groups', 'department'],
      email: ['email'],
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  // Quiet: the provider logs expected failures (unknown login, replayed code) as server errors.
  provider.on('server_error', () => {});
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    env: {
      ZEMAG_OIDC_ISSUER: issuer,
      ZEMAG_OIDC_CLIENT_ID: clientId,
      ...(clientSecret ? { ZEMAG_OIDC_CLIENT_SECRET: clientSecret } : {}),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Goes through the provider's login and consent pages the way a browser would (fetch with a
 * cookie jar) and returns the URL the provider sends the browser back to (ZeMAG's callback).
 * `cancel` presses "Cancel" on the consent page instead.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  { login, cancel = false }: { login: string; cancel?: boolean },
): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let method: 'GET' | 'POST' = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`provider answered ${response.status}: ${html}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no form on the provider's page:\n${html}`);
    if (prompt === 'consent' && cancel) {
      const abort = /<a href="([^"]*\/abort)"/.exec(html)?.[1];
      if (!abort) throw new Error('no cancel link on the consent page');
      url = new URL(abort.replaceAll('&amp;', '&'), url);
      continue;
    }
    url = new URL(action.replaceAll('&amp;', '&'), url);
    method = 'POST';
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt },
    );
  }
  throw new Error('too many steps at the provider');
}
