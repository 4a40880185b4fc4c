import { desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database.js';
import { auditEvents } from '../audit/audit.table.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

for (const target of engines) {
  describe.skipIf(target.skip)(`sign-in and sessions ${engineTitle(target)}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
    });
    afterAll(async () => {
      await t?.close();
    });

    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });

    async function lastAudit() {
      const [row] = await t.database.db
        .select()
        .from(auditEvents)
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      return row;
    }

    it('signs a user in with an HttpOnly, SameSite=Strict cookie and shows their abilities', async () => {
      const who = await createTestUser(t, { roles: ['reporter', 'field'] });
      const { response, cookie } = await signIn(t.app, who);
      const setCookie = response.cookies.find((c) => c.name === 'zemag_session');
      expect(setCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(setCookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const body = response.json();
      expect(body.user).toMatchObject({
        username: who.username,
        roles: expect.arrayContaining(['reporter', 'field']),
      });
      expect(body.user.abilities).toContain('register.lookup');
      expect(body.user.abilities).not.toContain('user.manage');
      expect((await me(cookie)).statusCode).toBe(200);
      const [signInEvent] = await t.database.db
        .select()
        .from(auditEvents)
        .where(
          sql`${auditEvents.action} = 'auth.sign_in' AND ${auditEvents.actorId} = ${who.user.id}`,
        )
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      expect(signInEvent?.details).toEqual({ factor: 'password' });
    });

    it('answers a wrong password and an unknown user the same way, in German and English', async () => {
      const who = await createTestUser(t);
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: who.username, password: 'not the password at all' },
      });
      expect(await lastAudit()).toMatchObject({
        action: 'auth.sign_in_failed',
        actorId: who.user.id,
        details: { reason: 'wrong_password' },
      });
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'nobody.here', password: 'not the password at all' },
      });
      const unknownAudit = await lastAudit();
      expect(unknownAudit).toMatchObject({
        action: 'auth.sign_in_failed',
        actorId: null,
        details: { reason: 'unknown_user' },
      });
      expect(JSON.stringify(unknownAudit?.details)).not.toContain('nobody.here');

      for (const response of [wrong, unknown]) {
        expect(response.statusCode).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({
          code: 'auth.invalid_credentials',
          detail: {
            de: 'Benutzername oder Passwort ist falsch.',
            en: 'User name or password is wrong.',
          },
        });
      }
      const { requestId: _a, ...a } = wrong.json();
      const { requestId: _b, ...b } = unknown.json();
      expect(a).toEqual(b);
    });

    it('rotates the session id at sign-in: the session the browser carried before is ended', async () => {
      const who = await createTestUser(t);
      const first = await signIn(t.app, who);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: who.username, password: who.password },
        headers: { cookie: first.cookie },
      });
      expect(again.statusCode).toBe(200);
      const second = again.cookies.find((c) => c.name === 'zemag_session');
      expect(`zemag_session=${second?.value}`).not.toBe(first.cookie);
      expect((await me(first.cookie)).statusCode).toBe(401);
      expect((await me(`zemag_session=${second?.value}`)).statusCode).toBe(200);
    });

    it('ends a session after 30 minutes without activity, but not before', async () => {
      const who = await createTestUser(t);
      const { cookie } = await signIn(t.app, who);
      t.clock.advance(29 * 60_000);
      expect((await me(cookie)).statusCode).toBe(200);
      t.clock.advance(29 * 60_000); // activity above moved the idle deadline
      expect((await me(cookie)).statusCode).toBe(200);
      t.clock.advance(30 * 60_000 + 1);
      const expired = await me(cookie);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().code).toBe('auth.unauthenticated');
    });

    it('counts every request for the idle timeout, however soon after the one before', async () => {
      const who = await createTestUser(t);
      const { cookie } = await signIn(t.app, who);
      t.clock.advance(20_000);
      const soon = await me(cookie);
      expect(soon.statusCode).toBe(200);
      const lastRequest = t.clock.now().getTime();
      expect(soon.json().idleExpiresAt).toBe(new Date(lastRequest + 30 * 60_000).toISOString());
      t.clock.advance(30 * 60_000 - 1); // idle for a millisecond less than 30 minutes
      expect((await me(cookie)).statusCode).toBe(200);
      t.clock.advance(30 * 60_000); // idle for exactly 30 minutes
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('ends a session 12 hours after sign-in even while it is in use', async () => {
      const who = await createTestUser(t);
      const { cookie } = await signIn(t.app, who);
      const twentyMinutes = 20 * 60_000;
      for (let step = 0; step < 35; step++) {
        t.clock.advance(twentyMinutes);
        expect((await me(cookie)).statusCode).toBe(200);
      }
      // 11 h 40 min in use, never idle for more than 20 minutes
      t.clock.advance(twentyMinutes - 1);
      expect((await me(cookie)).statusCode).toBe(200);
      t.clock.advance(1); // exactly 12 h after sign-in
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('signs out on the server: the old cookie opens nothing afterwards', async () => {
      const who = await createTestUser(t);
      const { cookie } = await signIn(t.app, who);
      const out = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: { cookie },
      });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === 'zemag_session')?.value).toBe('');
      expect(await lastAudit()).toMatchObject({ action: 'auth.sign_out', actorId: who.user.id });
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('refuses a disabled user at once, even with an open session', async () => {
      const who = await createTestUser(t);
      const { cookie } = await signIn(t.app, who);
      await t.database.db.execute(
        sql`UPDATE users SET disabled_at = now() WHERE id = ${who.user.id}`,
      );
      expect((await me(cookie)).statusCode).toBe(401);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: who.username, password: who.password },
      });
      expect(again.statusCode).toBe(401);
    });

    it('names the missing field when the sign-in form is sent empty', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'x' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'request.invalid',
        errors: [
          {
            field: 'password',
            code: 'required',
            message: {
              de: expect.stringContaining('password'),
              en: expect.stringContaining('password'),
            },
          },
        ],
      });
    });

    it('purges sessions that ended by time, and only those', async () => {
      const idle = await signIn(t.app, await createTestUser(t));
      t.clock.advance(31 * 60_000);
      const fresh = await signIn(t.app, await createTestUser(t));
      const { count } = await t.services.identity.purgeExpiredSessions();
      expect(count).toBeGreaterThanOrEqual(1);
      const remaining = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM sessions`);
      expect(rowsOf<{ n: number }>(remaining)[0]?.n).toBe(1);
      expect((await me(fresh.cookie)).statusCode).toBe(200);
      expect((await me(idle.cookie)).statusCode).toBe(401);
    });

    it('makes repeated failures wait longer and longer, even for the right password', async () => {
      const who = await createTestUser(t);
      const attempt = (password: string, remoteAddress = '10.0.0.7') =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress,
          payload: { username: who.username, password },
        });
      for (let i = 0; i < 6; i++)
        expect((await attempt('falsches Passwort!')).statusCode).toBe(401);
      const blocked = await attempt(who.password);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('1');
      expect(blocked.json().code).toBe('auth.throttled');
      t.clock.advance(1000);
      expect((await attempt('falsches Passwort!')).statusCode).toBe(401); // 7th failure: 2 s
      const longer = await attempt(who.password);
      expect(longer.headers['retry-after']).toBe('2');
      t.clock.advance(2000);
      expect((await attempt(who.password)).statusCode).toBe(200);
      // success forgets the account's failures
      expect((await attempt('falsches Passwort!')).statusCode).toBe(401);
      expect((await attempt(who.password)).statusCode).toBe(200);
    });

    it('throttles unknown user names exactly like real ones', async () => {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: '10.0.0.8',
          payload: { username: 'gibt.es.nicht', password: 'falsches Passwort!' },
        });
      for (let i = 0; i < 6; i++) expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(429);
    });

    it('keeps the audit chain intact through all of the above', async () => {
      expect(await t.services.audit.verify({ db: t.database.db })).toMatchObject({ ok: true });
    });
  });
}
