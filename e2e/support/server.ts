import net from 'node:net';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { type Database, openDatabase } from '../../apps/api/src/db/database.ts';
import type { Services } from '../../apps/api/src/services.ts';

export interface TestServer {
  /** Where the server listens, e.g. `http://127.0.0.1:43117`. */
  origin: string;
  /** A fresh one-time setup link on the real listening address (token in the fragment). */
  issueSetupLink(): Promise<string>;
  /** The server's services and database, for arranging data a journey starts from. */
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real API with the built web app, on an in-memory database and a free port: every test
 * file gets its own server and its own empty ZeMAG.
 */
export async function startServer({
  env = {},
  localhost = false,
}: {
  /** Extra settings, e.g. single sign-on; PORT here fixes the port (default: any free one). */
  env?: Record<string, string>;
  /**
   * Serve as http://localhost:<port> with that as the public URL: WebAuthn needs a domain
   * (not an IP address) as relying party id, matching the page's origin.
   */
  localhost?: boolean;
} = {}): Promise<TestServer> {
  const port = localhost ? String(await freePort()) : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    ZEMAG_WEB_DIR: 'apps/web/dist',
    // Journeys that are not about second factors sign in with the password alone; the
    // second-factor journeys set the roles themselves.
    ZEMAG_MFA_REQUIRED_ROLES: '',
    ...(port ? { PORT: port, ZEMAG_PUBLIC_URL: `http://localhost:${port}` } : {}),
    ...env,
  });
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  const { app, services } = await buildApp({ config, database });
  await app.listen({ host: '127.0.0.1', port: config.port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://${localhost ? 'localhost' : '127.0.0.1'}:${address.port}`;

  return {
    origin,
    services,
    database,
    async issueSetupLink() {
      const link = await services.setup.issueSetupLinkIfRequired();
      if (!link) throw new Error('setup is not required any more');
      const url = new URL(link.url);
      return `${origin}${url.pathname}${url.search}${url.hash}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
