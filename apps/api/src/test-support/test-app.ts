import type { Role } from '@zemag/contracts';
import { eq } from 'drizzle-orm';
import { departments } from '../modules/departments/departments.table.js';
import { buildApp } from '../app.js';
import { createManualClock, type ManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import type { Services } from '../services.js';
import { createTestDatabase, type Engine } from './test-database.js';

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>['app'];
  services: Services;
  database: Database;
  clock: ManualClock;
  close(): Promise<void>;
}

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

/** A user with the given roles and a known password; returns the credentials to sign in with. */
export async function createTestUser(
  { services, database }: Pick<TestApp, 'services' | 'database'>,
  {
    roles = ['reporter'],
    password = 'correct horse battery staple',
    departmentId = null,
  }: { roles?: Role[]; password?: string; departmentId?: string | null } = {},
) {
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
  return { user, username, password };
}

/** Signs in through the API and returns the Cookie header value for later requests. */
export async function signIn(
  app: TestApp['app'],
  credentials: { username: string; password: string },
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
  return { cookie: `${cookie.name}=${cookie.value}`, response };
}
