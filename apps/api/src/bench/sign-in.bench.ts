import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

function percentile(sorted: number[], p: number) {
  return (
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) /
    10
  );
}

/**
 * Sign-in latency through the HTTP API (argon2id m=19 MiB, t=2): a correct password, a wrong
 * one, and an unknown user name — the last two must cost about the same, so timing does not
 * tell whether an account exists. Each attempt comes from its own address (no throttling).
 */
export async function benchSignIn({ attempts }: { attempts: number }) {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  const config = loadConfig({ LOG_LEVEL: 'silent', ZEMAG_MFA_REQUIRED_ROLES: '' });
  const { app, services } = await buildApp({ config, database });
  try {
    const password = 'ein langes Passwort zum Messen';
    await database.db.transaction((tx) =>
      services.users.createUser({
        tx,
        username: 'bench.user',
        displayName: 'Bench',
        password,
        departmentId: null,
        roles: ['reporter'],
        actor: null,
      }),
    );
    let address = 0;
    const measure = async (name: string, pw: string, expected: number) => {
      const times: number[] = [];
      for (let i = 0; i < attempts; i++) {
        address += 1;
        // an unknown name is a new name each time (the throttle counts per name)
        const username = name === 'bench.user' ? name : `${name}${i}`;
        const started = performance.now();
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
          payload: { username, password: pw },
        });
        times.push(performance.now() - started);
        if (response.statusCode !== expected)
          throw new Error(`expected ${expected}, got ${response.statusCode}`);
        // keep the account's own failure count below the throttle
        if (expected === 401 && username === 'bench.user' && i % 4 === 3) {
          await app.inject({
            method: 'POST',
            url: '/api/v1/session',
            remoteAddress: '10.255.255.254',
            payload: { username, password },
          });
        }
      }
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95) };
    };
    await measure('bench.user', password, 200); // warm-up
    return {
      bench: 'sign-in',
      engine: database.engine,
      attempts,
      successMs: await measure('bench.user', password, 200),
      wrongPasswordMs: await measure('bench.user', 'falsches Passwort!!', 401),
      unknownUserMs: await measure('niemand.', 'falsches Passwort!!', 401),
    };
  } finally {
    await app.close();
    await database.close();
  }
}
