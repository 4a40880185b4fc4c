import type { Role } from '@zemag/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { departments } from '../modules/departments/departments.table.js';
import { buildApp } from '../app.js';
import { createManualClock, type ManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import type { Services } from '../services.js';
import { createTestDatabase, type Engine } from './test-database.js';
import { totpCode, totpStep, TOTP_PERIOD_S } from '../modules/mfa/totp.js';

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>['app'];
  services: Services;
  database: Database;
  clock: ManualClock;
  close(): Promise<void>;
}

/** Each test app's clock, so `signIn` can compute app codes for the app's "now". */
const clocks = new WeakMap<object, ManualClock>();

/** The whole app on a fresh database with a manual clock, for `app.inject()` tests. */
export async function buildTestApp({
  engine = 'pglite',
  env = {},
}: { engine?: Engine; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const clock = createManualClock();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const { app, services } = await buildApp({ config, database, clock });
  await app.ready();
  clocks.set(app, clock);
  return {
    app,
    services,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * For a describe block: a fresh test app before its tests (and whatever `setup` makes on it),
 * closed after them. The fields are there once the tests run.
 */
export function useTestApp<T extends object>(
  engine: Engine,
  setup: (t: TestApp) => Promise<T>,
): { t: TestApp } & T {
  const context = {} as { t: TestApp } & T;
  beforeAll(async () => {
    const t = await buildTestApp({ engine });
    Object.assign(context, { t }, await setup(t));
  });
  afterAll(async () => {
    await context.t?.close();
  });
  return context;
}

let counter = 0;

/** A department authorised for look-ups, created once per database. */
export async function authorisedTestDepartment(database: Database) {
  const [existing] = await database.db
    .select()
    .from(departments)
    .where(eq(departments.code, 'TEST-32'));
  if (existing) return existing;
  const now = new Date('2026-01-01T00:00:00Z');
  const [created] = await database.db
    .insert(departments)
    .values({
      code: 'TEST-32',
      name: 'Ordnungsamt (Test)',
      lookupAuthorised: true,
      lookupAuthorisationReason: 'Hausbesuche im Vollzugsdienst',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return created!;
}

/** An enrolled authenticator app of a test user: the test computes its codes like a phone. */
export interface TestTotp {
  secret: string;
  clock: ManualClock;
  /** The last time step used, so the helper never replays a code. */
  lastStep: number;
  recoveryCodes: string[];
}

export interface TestCredentials {
  username: string;
  password: string;
  totp?: TestTotp | undefined;
}

/**
 * A user with the given roles and a known password; returns the credentials to sign in with.
 * When a role requires a second factor (or `secondFactor: 'totp'`), the user enrols an
 * authenticator app through the API as a real user would, and `signIn` later answers with its
 * codes. `secondFactor: 'none'` leaves such a user unenrolled (first sign-in).
 */
export async function createTestUser(
  t: Pick<TestApp, 'services' | 'database'> & Partial<Pick<TestApp, 'app' | 'clock'>>,
  {
    roles = ['reporter'],
    password = 'correct horse battery staple',
    departmentId = null,
    secondFactor = 'auto',
  }: {
    roles?: Role[];
    password?: string;
    departmentId?: string | null;
    secondFactor?: 'auto' | 'totp' | 'none';
  } = {},
) {
  const { services, database } = t;
  counter += 1;
  // `field` only works in a department authorised for look-ups: give one unless told otherwise.
  if (departmentId === null && roles.includes('field')) {
    departmentId = (await authorisedTestDepartment(database)).id;
  }
  const username = `user${counter}.${roles.join('-')}`.replace(/_/g, '-');
  const { user } = await database.db.transaction((tx) =>
    services.users.createUser({
      tx,
      username,
      displayName: `Test User ${counter}`,
      password,
      departmentId,
      roles,
      actor: null,
    }),
  );
  const enrol =
    secondFactor === 'totp' ||
    (secondFactor === 'auto' && roles.some((r) => services.mfa.requiredRoles.includes(r)));
  const totp = enrol ? await enrolTestTotp(t, { username, password }) : undefined;
  return { user, username, password, totp };
}

/** First sign-in of a user: enrols an authenticator app through the API, then signs out. */
async function enrolTestTotp(
  t: Partial<Pick<TestApp, 'app' | 'clock'>>,
  credentials: { username: string; password: string },
): Promise<TestTotp> {
  const { app, clock } = t;
  if (!app || !clock) {
    throw new Error('a user who needs a second factor needs the whole TestApp (app and clock)');
  }
  const first = await signIn(app, credentials, { secondFactor: false });
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/me/factors/totp',
    headers: { cookie: first.cookie },
  });
  if (started.statusCode !== 200) throw new Error(`TOTP enrolment: ${started.body}`);
  const { factorId, secret } = started.json<{ factorId: string; secret: string }>();
  const now = clock.now();
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/v1/me/factors/totp/confirm',
    headers: { cookie: first.cookie },
    payload: { factorId, code: totpCode(secret, now) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`TOTP confirmation: ${confirmed.body}`);
  const cookie = confirmed.cookies.find((c) => c.name === 'zemag_session');
  // Like the app: the recovery codes are confirmed as kept, which completes enrolment.
  await app.inject({
    method: 'POST',
    url: '/api/v1/me/recovery-codes/confirmation',
    headers: { cookie: `zemag_session=${cookie?.value ?? ''}` },
  });
  await app.inject({
    method: 'DELETE',
    url: '/api/v1/session',
    headers: { cookie: `zemag_session=${cookie?.value ?? ''}` },
  });
  return {
    secret,
    clock,
    lastStep: totpStep(now),
    recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes,
  };
}

/**
 * The next code of a test user's app that the server has not seen: the earliest step within
 * the accepted window after the last one used, waiting (moving the clock) for the next step
 * when the window is used up.
 */
export function nextTotpCode(totp: TestTotp): string {
  const current = totpStep(totp.clock.now());
  let step = Math.max(current - 1, totp.lastStep + 1);
  if (step > current + 1) {
    totp.clock.advance(TOTP_PERIOD_S * 1000);
    step = totp.lastStep + 1;
  }
  totp.lastStep = step;
  return totpCode(totp.secret, new Date(step * TOTP_PERIOD_S * 1000));
}

/**
 * Signs in through the API and returns the Cookie header value for later requests. A user
 * with an enrolled app also proves the second factor, so the session is fully signed in;
 * `response` is then the answer to that step.
 */
export async function signIn(
  app: TestApp['app'],
  credentials: TestCredentials,
  { secondFactor = true }: { secondFactor?: boolean } = {},
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: credentials.username, password: credentials.password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'zemag_session');
  if (!cookie) throw new Error('no session cookie');
  const { mfa } = response.json<{
    mfa: { satisfied: boolean; enrolled: { totp: boolean; webauthn: number } };
  }>();
  if (mfa.satisfied || !secondFactor) {
    return { cookie: `${cookie.name}=${cookie.value}`, response };
  }
  if (!credentials.totp && !mfa.enrolled.totp && mfa.enrolled.webauthn === 0) {
    // A role that needs a second factor was granted after the user was created: like the
    // user at that next sign-in, enrol an app first.
    credentials.totp = await enrolTestTotp({ app, clock: clocks.get(app) }, credentials);
    return signIn(app, credentials);
  }
  if (!credentials.totp) throw new Error('the user has a second factor the test does not know');
  const verified = await app.inject({
    method: 'POST',
    url: '/api/v1/session/second-factor',
    headers: { cookie: `${cookie.name}=${cookie.value}` },
    payload: { method: 'totp', code: nextTotpCode(credentials.totp) },
  });
  if (verified.statusCode !== 200)
    throw new Error(`second factor failed: ${verified.statusCode} ${verified.body}`);
  const rotated = verified.cookies.find((c) => c.name === 'zemag_session');
  if (!rotated) throw new Error('no session cookie after the second factor');
  return { cookie: `${rotated.name}=${rotated.value}`, response: verified };
}

/** A new user with these roles, signed in: the Cookie header value for its requests. */
export async function signedInCookie(
  t: TestApp,
  options: Parameters<typeof createTestUser>[1] = {},
): Promise<string> {
  return (await signIn(t.app, await createTestUser(t, options))).cookie;
}
