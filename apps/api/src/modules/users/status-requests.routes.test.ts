import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

type Account = Awaited<ReturnType<typeof createTestUser>>;

for (const target of engines) {
  describe.skipIf(target.skip)(`disabling four-eyes role holders ${engineTitle(target)}`, () => {
    let t: TestApp;
    let a: Account;
    let b: Account;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      a = await createTestUser(t, { roles: ['admin', 'reporter'] });
      b = await createTestUser(t, { roles: ['admin', 'reporter'] });
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = async (who: Account, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({
        method,
        url,
        headers: { cookie: (await signIn(t.app, who)).cookie },
        ...(payload ? { payload } : {}),
      });

    it('a registrar is disabled only when a second administrator confirms', async () => {
      const registrar = await createTestUser(t, { roles: ['registrar'] });
      const requested = await call(a, 'POST', `/api/v1/users/${registrar.user.id}/disable`, {
        reason: 'hat die Stadt verlassen',
      });
      expect(requested.statusCode).toBe(202);
      // still signs in while the request waits
      await signIn(t.app, registrar);
      const list = (await call(b, 'GET', '/api/v1/status-requests')).json().pending;
      expect(list).toContainEqual(
        expect.objectContaining({
          action: 'disable',
          reason: 'hat die Stadt verlassen',
          user: expect.objectContaining({ id: registrar.user.id }),
          requestedBy: expect.objectContaining({ id: a.user.id }),
        }),
      );
      const again = await call(a, 'POST', `/api/v1/users/${registrar.user.id}/enable`);
      expect(again.statusCode).toBe(200);
      expect(again.json().disabled).toBe(false);
      const confirmed = await call(
        b,
        'POST',
        `/api/v1/users/${registrar.user.id}/status-request/confirm`,
      );
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toMatchObject({ disabled: true, statusRequest: null });
      await expect(signIn(t.app, registrar)).rejects.toThrow(/401/);
      const events = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, registrar.user.id));
      expect(events.find((e) => e.action === 'user.disabled')).toMatchObject({
        actorId: b.user.id,
        purpose: 'hat die Stadt verlassen',
        details: { requestedBy: a.user.id },
      });

      // enabling again: a request too, which the requester cannot confirm
      expect((await call(b, 'POST', `/api/v1/users/${registrar.user.id}/enable`)).statusCode).toBe(
        202,
      );
      const own = await call(
        b,
        'POST',
        `/api/v1/users/${registrar.user.id}/status-request/confirm`,
      );
      expect(own.json().code).toBe('user.status_self_confirm');
      expect(
        (await call(a, 'POST', `/api/v1/users/${registrar.user.id}/status-request/confirm`)).json(),
      ).toMatchObject({ disabled: false });
      await signIn(t.app, registrar);
    });

    it('an account without a four-eyes role is disabled at once', async () => {
      const reporter = await createTestUser(t);
      const done = await call(a, 'POST', `/api/v1/users/${reporter.user.id}/disable`, {
        reason: 'Elternzeit',
      });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ disabled: true, statusRequest: null });
    });

    it('the last other administrator may consent to their own disabling; a declined request ends', async () => {
      const requested = await call(a, 'POST', `/api/v1/users/${b.user.id}/disable`, {
        reason: 'Wechsel in ein anderes Amt',
      });
      expect(requested.statusCode).toBe(202);
      const declined = await call(b, 'POST', `/api/v1/users/${b.user.id}/status-request/decline`, {
        reason: 'bleibe noch bis Monatsende',
      });
      expect(declined.json()).toMatchObject({ disabled: false, statusRequest: null });

      await call(a, 'POST', `/api/v1/users/${b.user.id}/disable`, {
        reason: 'Wechsel in ein anderes Amt',
      });
      const consent = await call(b, 'POST', `/api/v1/users/${b.user.id}/status-request/confirm`);
      expect(consent.statusCode).toBe(200);
      expect(consent.json().disabled).toBe(true);
      const [event] = (
        await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, b.user.id))
      ).filter((e) => e.action === 'user.disabled');
      expect(event).toMatchObject({ actorId: b.user.id, details: { consent: true } });

      // re-enabling the other administrator needs a second person, which A alone is not
      expect((await call(a, 'POST', `/api/v1/users/${b.user.id}/enable`)).statusCode).toBe(202);
      const self = await call(a, 'POST', `/api/v1/users/${b.user.id}/status-request/confirm`);
      expect(self.statusCode).toBe(403);
    });

    it('with a third administrator, the target cannot confirm their own disabling', async () => {
      const c = await createTestUser(t, { roles: ['admin', 'reporter'] });
      const d = await createTestUser(t, { roles: ['admin', 'reporter'] });
      await call(c, 'POST', `/api/v1/users/${d.user.id}/disable`, { reason: 'Ruhestand' });
      const self = await call(d, 'POST', `/api/v1/users/${d.user.id}/status-request/confirm`);
      expect(self.json().code).toBe('user.self_change');
      expect(
        (await call(a, 'POST', `/api/v1/users/${d.user.id}/status-request/confirm`)).json(),
      ).toMatchObject({ disabled: true });
    });

    it('keeps the audit chain intact', async () => {
      expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
    });
  });
}
