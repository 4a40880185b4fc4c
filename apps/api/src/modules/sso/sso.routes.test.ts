import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signInAtProvider,
  startOidcProvider,
  type TestAccount,
  type TestOidcProvider,
} from '../../../../../e2e/support/oidc-provider.ts';
import { auditEvents } from '../audit/audit.table.js';
import { departments } from '../departments/departments.table.js';
import { users } from '../identity/identity.table.js';
import {
  authorisedTestDepartment,
  buildTestApp,
  createTestUser,
  type TestApp,
} from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { oidcStates } from './sso.table.js';

const PUBLIC_URL = 'http://zemag.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/sso/callback`;
const FIELD_GROUP = 'zemag-aussendienst';

let accountCounter = 0;

for (const target of engines) {
  describe.skipIf(target.skip)(`single sign-on with OpenID Connect ${engineTitle(target)}`, () => {
    let provider: TestOidcProvider;
    let t: TestApp;
    let plainDepartment: { id: string; code: string };

    const ssoEnv = (extra: Record<string, string> = {}) => ({
      ...provider.env,
      ZEMAG_PUBLIC_URL: PUBLIC_URL,
      ZEMAG_OIDC_DEPARTMENT_CLAIM: 'department',
      ZEMAG_OIDC_ROLE_GROUPS: JSON.stringify({ field: FIELD_GROUP }),
      // These journeys are about the first factor; MFA has its own tests.
      ZEMAG_MFA_REQUIRED_ROLES: '',
      ...extra,
    });

    beforeAll(async () => {
      provider = await startOidcProvider({ redirectUri: CALLBACK });
      t = await buildTestApp({ engine: target.engine, env: ssoEnv() });
      await authorisedTestDepartment(t.database);
      const now = new Date('2026-01-01T00:00:00Z');
      const [row] = await t.database.db
        .insert(departments)
        .values({ code: 'TEST-50', name: 'Sozialamt (Test)', createdAt: now, updatedAt: now })
        .returning();
      plainDepartment = row!;
    });
    afterAll(async () => {
      await t?.close();
      await provider?.close();
    });

    function account(overrides: Partial<TestAccount> = {}) {
      accountCounter += 1;
      const subject = `sub-${target.engine}-${accountCounter}`;
      provider.accounts.set(subject, {
        preferred_username: `sso.user${accountCounter}`,
        name: `SSO User ${accountCounter}`,
        department: plainDepartment.code,
        groups: [],
        ...overrides,
      });
      return { subject, ...provider.accounts.get(subject)! };
    }

    /** Start → provider login and consent → the callback URL the browser would be sent to. */
    async function throughProvider(app: TestApp, login: string, cancel = false) {
      const start = await app.app.inject({ method: 'GET', url: '/api/v1/sso/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toMatch(new RegExp(`^${provider.issuer}/`));
      return signInAtProvider(start.headers.location!, { login, cancel });
    }

    function callback(app: TestApp, url: URL) {
      expect(url.href.startsWith(CALLBACK)).toBe(true);
      return app.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    }

    async function ssoSignIn(login: string, app: TestApp = t) {
      const response = await callback(app, await throughProvider(app, login));
      const cookie = response.cookies.find((c) => c.name === 'zemag_session' && c.value !== '');
      return { response, cookie: cookie ? `${cookie.name}=${cookie.value}` : null };
    }

    async function session(cookie: string | null, app: TestApp = t) {
      const response = await app.app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: cookie ?? '' },
      });
      expect(response.statusCode).toBe(200);
      return response.json().user as { id: string; username: string; roles: string[] };
    }

    async function auditOf(action: string, subjectId?: string) {
      return t.database.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, action),
            subjectId ? eq(auditEvents.subjectId, subjectId) : undefined,
          ),
        )
        .orderBy(auditEvents.seq);
    }

    async function lastFailure() {
      const rows = await auditOf('auth.sign_in_failed');
      return rows.at(-1);
    }

    it('offers the button with its label', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/sso/config' });
      expect(response.json()).toEqual({ enabled: true, label: 'Mit Dienstkonto anmelden' });
    });

    it('creates a new employee as reporter in the department the provider names, and signs them in', async () => {
      const who = account();
      const { response, cookie } = await ssoSignIn(who.subject);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/');
      expect(response.cookies.find((c) => c.name === 'zemag_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      const me = await session(cookie);
      expect(me).toMatchObject({ username: who.preferred_username, roles: ['reporter'] });
      const [row] = await t.database.db.select().from(users).where(eq(users.id, me.id));
      expect(row).toMatchObject({
        displayName: who.name,
        departmentId: plainDepartment.id,
        passwordHash: null,
        externalIssuer: `${provider.issuer}/`,
        externalSubject: who.subject,
      });
      expect(await auditOf('user.created', me.id)).toHaveLength(1);
      const [signInEvent] = await auditOf('auth.sign_in', me.id);
      expect(signInEvent).toMatchObject({ actorId: me.id, details: { factor: 'oidc' } });
      expect((await t.database.db.select().from(oidcStates)).length).toBe(0);
    });

    it('links an existing local account by user name, then finds it by subject even after a rename', async () => {
      const local = await createTestUser(t);
      const who = account({ preferred_username: local.username });
      const { cookie } = await ssoSignIn(who.subject);
      expect((await session(cookie)).id).toBe(local.user.id);
      expect(await auditOf('user.sso_linked', local.user.id)).toHaveLength(1);

      provider.accounts.set(who.subject, { ...who, preferred_username: 'renamed.at.provider' });
      const again = await ssoSignIn(who.subject);
      expect((await session(again.cookie)).id).toBe(local.user.id);
    });

    it('refuses a disabled account and records why', async () => {
      const local = await createTestUser(t);
      await t.database.db
        .update(users)
        .set({ disabledAt: new Date('2026-01-10T00:00:00Z') })
        .where(eq(users.id, local.user.id));
      const who = account({ preferred_username: local.username });
      const { response, cookie } = await ssoSignIn(who.subject);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/sign-in?sso_error=sso.account_disabled');
      expect(cookie).toBeNull();
      expect(await lastFailure()).toMatchObject({
        actorId: local.user.id,
        details: { method: 'oidc', reason: 'disabled' },
      });
    });

    it('accepts a callback once: the replayed state is refused', async () => {
      const who = account();
      const url = await throughProvider(t, who.subject);
      expect((await callback(t, url)).headers.location).toBe('/');
      const replay = await callback(t, url);
      expect(replay.headers.location).toBe('/sign-in?sso_error=sso.expired');
      expect(replay.cookies.find((c) => c.value !== '')).toBeUndefined();
      expect(await lastFailure()).toMatchObject({
        actorId: null,
        details: { method: 'oidc', reason: 'state_unknown' },
      });
    });

    it('refuses a callback whose state was never issued', async () => {
      const who = account();
      const url = await throughProvider(t, who.subject);
      url.searchParams.set('state', 'forged-state-value');
      expect((await callback(t, url)).headers.location).toBe('/sign-in?sso_error=sso.expired');
    });

    it('refuses an ID token whose nonce is not the one of this sign-in', async () => {
      const who = account();
      const url = await throughProvider(t, who.subject);
      await t.database.db.update(oidcStates).set({ nonce: 'another-nonce' });
      const response = await callback(t, url);
      expect(response.headers.location).toBe('/sign-in?sso_error=sso.failed');
      expect(await lastFailure()).toMatchObject({
        details: { method: 'oidc', reason: 'token_rejected' },
      });
      const [created] = await t.database.db
        .select()
        .from(users)
        .where(eq(users.externalSubject, who.subject));
      expect(created).toBeUndefined();
    });

    it('refuses a sign-in that came back after ten minutes', async () => {
      const who = account();
      const url = await throughProvider(t, who.subject);
      t.clock.advance(10 * 60_000 + 1);
      expect((await callback(t, url)).headers.location).toBe('/sign-in?sso_error=sso.expired');
      expect(await lastFailure()).toMatchObject({ details: { reason: 'state_expired' } });
    });

    it('sends the user back with "cancelled" when they decline at the provider', async () => {
      const who = account();
      const url = await throughProvider(t, who.subject, true);
      expect(url.searchParams.get('error')).toBe('access_denied');
      expect((await callback(t, url)).headers.location).toBe('/sign-in?sso_error=sso.cancelled');
      expect(await lastFailure()).toMatchObject({
        details: { method: 'oidc', reason: 'provider_error', error: 'access_denied' },
      });
    });

    it('refuses a department ZeMAG does not know', async () => {
      const who = account({ department: 'NO-SUCH-DEPT' });
      const { response } = await ssoSignIn(who.subject);
      expect(response.headers.location).toBe('/sign-in?sso_error=sso.department_unknown');
    });

    it('grants field from the group in an authorised department, and takes it away when the group is gone', async () => {
      const authorised = await authorisedTestDepartment(t.database);
      const who = account({ department: authorised.code, groups: [FIELD_GROUP, 'other'] });
      const first = await ssoSignIn(who.subject);
      const me = await session(first.cookie);
      expect(me.roles.sort()).toEqual(['field', 'reporter']);
      expect(await auditOf('grant.granted', me.id)).toMatchObject([
        { actorId: null, details: { role: 'field', source: 'oidc' } },
      ]);

      provider.accounts.set(who.subject, { ...who, groups: ['other'] });
      const second = await ssoSignIn(who.subject);
      expect((await session(second.cookie)).roles).toEqual(['reporter']);
      expect(await auditOf('grant.revoked', me.id)).toMatchObject([
        { actorId: null, details: { role: 'field', source: 'oidc' } },
      ]);
      // The first session ended: changed access applies everywhere at once.
      const old = await t.app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: first.cookie! },
      });
      expect(old.statusCode).toBe(401);
    });

    it('does not grant field from the group in a department that is not authorised', async () => {
      const who = account({ groups: [FIELD_GROUP] });
      const { cookie } = await ssoSignIn(who.subject);
      const me = await session(cookie);
      expect(me.roles).toEqual(['reporter']);
      expect(await auditOf('grant.sync_skipped', me.id)).toMatchObject([
        { details: { role: 'field', reason: 'department_not_authorised' } },
      ]);
    });

    it('leaves roles granted in ZeMAG alone when they are not mapped to a group', async () => {
      const local = await createTestUser(t, { roles: ['reporter', 'control_room'] });
      const who = account({ preferred_username: local.username });
      const { cookie } = await ssoSignIn(who.subject);
      expect((await session(cookie)).roles.sort()).toEqual(['control_room', 'reporter']);
    });

    it('writes no user name or claim values into the audit log of a failure', async () => {
      const rows = await auditOf('auth.sign_in_failed');
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toMatch(/sso\.user|SSO User|NO-SUCH-DEPT/);
    });

    describe('with account creation switched off', () => {
      let strict: TestApp;
      beforeAll(async () => {
        strict = await buildTestApp({
          engine: target.engine,
          env: ssoEnv({ ZEMAG_OIDC_CREATE_USERS: 'false', ZEMAG_OIDC_ROLE_GROUPS: '' }),
        });
      });
      afterAll(async () => {
        await strict?.close();
      });

      it('refuses someone without a ZeMAG account', async () => {
        const who = account();
        const { response } = await ssoSignIn(who.subject, strict);
        expect(response.headers.location).toBe('/sign-in?sso_error=sso.no_account');
        const rows = await strict.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
        expect(rows[0]?.n).toBe(0);
      });
    });
  });
}

describe('single sign-on when it is off or the provider is down', () => {
  it('says it is off, and /start goes back to the sign-in page', async () => {
    const t = await buildTestApp();
    try {
      const config = await t.app.inject({ method: 'GET', url: '/api/v1/sso/config' });
      expect(config.json()).toEqual({ enabled: false, label: null });
      const start = await t.app.inject({ method: 'GET', url: '/api/v1/sso/start' });
      expect(start.headers.location).toBe('/sign-in?sso_error=sso.not_configured');
    } finally {
      await t.close();
    }
  });

  it('answers a provider that is down with a redirect and an explanation, quickly and again', async () => {
    const provider = await startOidcProvider({ redirectUri: CALLBACK });
    const issuer = provider.issuer;
    await provider.close();
    const t = await buildTestApp({
      env: {
        ZEMAG_OIDC_ISSUER: issuer,
        ZEMAG_OIDC_CLIENT_ID: 'zemag',
        ZEMAG_PUBLIC_URL: PUBLIC_URL,
      },
    });
    try {
      for (let i = 0; i < 3; i += 1) {
        const started = performance.now();
        const start = await t.app.inject({ method: 'GET', url: '/api/v1/sso/start' });
        expect(start.statusCode).toBe(302);
        expect(start.headers.location).toBe('/sign-in?sso_error=sso.provider_unavailable');
        expect(performance.now() - started).toBeLessThan(2_000);
      }
    } finally {
      await t.close();
    }
  });
});
