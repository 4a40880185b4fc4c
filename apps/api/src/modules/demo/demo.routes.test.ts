import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.js';
import { findUserByUsername } from '../identity/identity.repository.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.data.js';
import { createDemoService, DemoRefusedError } from './demo.service.js';

const demoSignIn = (t: TestApp, username: string, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/demo/sign-in',
    payload: { username },
    ...(cookie ? { headers: { cookie } } : {}),
  });

const sessionCookie = (response: { cookies: { name: string; value: string }[] }) => {
  const cookie = response.cookies.find((c) => c.name === 'zemag_session');
  return cookie ? `${cookie.name}=${cookie.value}` : undefined;
};

for (const target of engines) {
  describe.skipIf(target.skip)(`demo instance ${engineTitle(target)}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine, env: { ZEMAG_DEMO: '1' } });
      expect(await createDemoService({ db: t.database.db, ...t.services }).seed()).toEqual({
        seeded: true,
      });
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it('tells the sign-in page it is a demo and lists every demo account with roles and department', async () => {
      const response = await t.app.inject({ url: '/api/v1/demo' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const { enabled, accounts } = response.json();
      expect(enabled).toBe(true);
      expect(accounts.map((a: { username: string }) => a.username)).toEqual(
        DEMO_USERS.map((u) => u.username),
      );
      const registrar = accounts.find((a: { username: string }) => a.username === 'demo.registrar');
      expect(registrar).toEqual({
        username: 'demo.registrar',
        displayName: 'Aylin Demir',
        roles: ['registrar', 'reporter'],
        departmentName: 'Kriminalprävention (ZeMAG-Stelle)',
        purpose: { de: 'ZeMAG-Stelle: prüft Meldungen', en: 'ZeMAG office: reviews reports' },
      });
    });

    it('signs in as a registrar with one click, without a second factor, audited as a demo sign-in', async () => {
      const response = await demoSignIn(t, 'demo.registrar');
      expect(response.statusCode).toBe(200);
      const info = response.json();
      expect(info.user).toMatchObject({ username: 'demo.registrar', displayName: 'Aylin Demir' });
      expect(info.user.abilities).toContain('incident.review');
      expect(info.mfa).toMatchObject({ required: false, satisfied: true });

      const cookie = sessionCookie(response);
      expect(cookie).toBeDefined();
      const session = await t.app.inject({ url: '/api/v1/session', headers: { cookie: cookie! } });
      expect(session.statusCode).toBe(200);
      expect(session.json().user.username).toBe('demo.registrar');

      const { user } = await findUserByUsername({ db: t.database.db, username: 'demo.registrar' });
      const events = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'auth.sign_in'), eq(auditEvents.actorId, user!.id)));
      expect(events.map((e) => e.details)).toContainEqual({ factor: 'demo' });
    });

    it('ends the session the browser carried when signing in as another demo account', async () => {
      const first = sessionCookie(await demoSignIn(t, 'demo.ordnungsdienst'))!;
      const second = await demoSignIn(t, 'demo.dpo', first);
      expect(second.statusCode).toBe(200);
      const old = await t.app.inject({ url: '/api/v1/session', headers: { cookie: first } });
      expect(old.statusCode).toBe(401);
    });

    it('lets demo accounts sign in with the shared password too, and field staff look up without a second factor', async () => {
      const { response } = await signIn(t.app, {
        username: 'demo.ordnungsdienst',
        password: DEMO_PASSWORD,
      });
      expect(response.json().mfa).toMatchObject({ required: false, satisfied: true });
      expect(response.json().user.abilities).toContain('register.lookup');
    });

    it('refuses accounts that are not demo accounts, unknown names and disabled demo accounts', async () => {
      const admin = await signIn(t.app, { username: 'demo.admin', password: DEMO_PASSWORD });
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin.cookie },
        payload: { username: 'erika.probe', displayName: 'Erika Probe', departmentCode: '50' },
      });
      expect(created.statusCode).toBe(201);
      for (const username of ['erika.probe', 'niemand', 'demo.unbekannt']) {
        const refused = await demoSignIn(t, username);
        expect({ username, status: refused.statusCode, code: refused.json().code }).toEqual({
          username,
          status: 403,
          code: 'demo.unknown_account',
        });
        expect(sessionCookie(refused)).toBeUndefined();
      }

      const { user: kaemmerei } = await findUserByUsername({
        db: t.database.db,
        username: 'demo.kaemmerei',
      });
      const disabled = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${kaemmerei!.id}/disable`,
        headers: { cookie: admin.cookie },
        payload: { reason: 'Demo: gesperrtes Konto zeigen' },
      });
      expect(disabled.statusCode).toBe(200);
      expect((await demoSignIn(t, 'demo.kaemmerei')).json().code).toBe('demo.unknown_account');
      const { accounts } = (await t.app.inject({ url: '/api/v1/demo' })).json();
      expect(accounts.map((a: { username: string }) => a.username)).not.toContain('demo.kaemmerei');
    });

    it('rejects a sign-in request without a user name as invalid input', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/demo/sign-in',
        payload: {},
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('request.invalid');
    });

    it('still counts as a demo after an administrator added accounts in it', async () => {
      // erika.probe above was created by the demo administrator
      const demo = createDemoService({ db: t.database.db, ...t.services });
      await expect(demo.assertNoRealData()).resolves.toBeUndefined();
      expect(await demo.seed()).toEqual({ seeded: false });
    });
  });

  describe.skipIf(target.skip)(`an instance without demo mode ${engineTitle(target)}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('says it is no demo, lists no accounts and refuses demo sign-in, even with demo accounts in the database', async () => {
      await createDemoService({ db: t.database.db, ...t.services }).seed();
      expect((await t.app.inject({ url: '/api/v1/demo' })).json()).toEqual({
        enabled: false,
        accounts: [],
      });
      const refused = await demoSignIn(t, 'demo.admin');
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('demo.not_enabled');
      expect(sessionCookie(refused)).toBeUndefined();
    }, 120_000);

    it('keeps requiring the second factor outside demo mode', async () => {
      expect(t.services.mfa.requiredRoles).toContain('registrar');
      const { response } = await signIn(
        t.app,
        { username: 'demo.registrar', password: DEMO_PASSWORD },
        { secondFactor: false },
      );
      expect(response.json().mfa).toMatchObject({ required: true, satisfied: false });
    });
  });

  describe.skipIf(target.skip)(`starting in demo mode ${engineTitle(target)}`, () => {
    it('seeds an empty database, starts a seeded one as it is, and refuses one with real accounts', async () => {
      const t = await buildTestApp({ engine: target.engine, env: { ZEMAG_DEMO: '1' } });
      try {
        const demo = createDemoService({ db: t.database.db, ...t.services });
        expect(await demo.seed()).toEqual({ seeded: true });
        expect(await demo.seed()).toEqual({ seeded: false });
        await createTestUser(t);
        await expect(demo.seed()).rejects.toThrow(DemoRefusedError);
      } finally {
        await t.close();
      }
    }, 120_000);

    it('seeds the same Musterstadt every time: accounts, roles and departments', async () => {
      const picture = async () => {
        const t = await buildTestApp({ engine: target.engine, env: { ZEMAG_DEMO: '1' } });
        try {
          await createDemoService({ db: t.database.db, ...t.services }).seed();
          const admin = await signIn(t.app, { username: 'demo.admin', password: DEMO_PASSWORD });
          const get = (url: string) =>
            t.app.inject({ url, headers: { cookie: admin.cookie } }).then((r) => r.json());
          const { departments } = await get('/api/v1/departments');
          return {
            demo: (await t.app.inject({ url: '/api/v1/demo' })).json(),
            departments: departments
              .map(({ id: _id, ...rest }: { id: string }) => rest)
              .sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code)),
          };
        } finally {
          await t.close();
        }
      };
      const first = await picture();
      expect(first.demo.accounts).toHaveLength(DEMO_USERS.length);
      expect(await picture()).toEqual(first);
    }, 240_000);
  });
}
