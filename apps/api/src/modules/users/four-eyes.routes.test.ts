import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorisedTestDepartment,
  buildTestApp,
  createTestUser,
  signIn,
  type TestApp,
} from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { userRoles, users } from '../identity/identity.table.js';

/**
 * Issue 10, item 2: one administrator tries to get around four-eyes alone with accounts they
 * control ("puppets"). The attacker is as strong as possible: whatever the API offers to give
 * a new account a password (a password field, or the activation link the administrator sees),
 * the attacker uses it. None of the puppets may end up with an active admin, field or
 * registrar grant without a second, real administrator.
 */
for (const target of engines) {
  describe.skipIf(target.skip)(
    `four-eyes against a lone administrator ${engineTitle(target)}`,
    () => {
      let t: TestApp;
      let a: Awaited<ReturnType<typeof createTestUser>>;
      let b: Awaited<ReturnType<typeof createTestUser>>;
      let aCookie: string;
      let departmentCode: string;
      const puppetIds: string[] = [];
      beforeAll(async () => {
        t = await buildTestApp({ engine: target.engine });
        a = await createTestUser(t, { roles: ['admin', 'reporter'] });
        b = await createTestUser(t, { roles: ['admin', 'reporter'] });
        aCookie = (await signIn(t.app, a)).cookie;
        departmentCode = (await authorisedTestDepartment(t.database)).code;
      });
      afterAll(async () => {
        await t?.close();
      });

      const asA = (method: 'GET' | 'POST', url: string, payload?: object) =>
        t.app.inject({
          method,
          url,
          headers: { cookie: aCookie },
          ...(payload ? { payload } : {}),
        });

      /** The attacker makes an account and gets its password by any means the API offers. */
      async function puppet(name: string) {
        const password = 'Marionette an langen Fäden 42';
        const withPassword = await asA('POST', '/api/v1/users', {
          username: name,
          displayName: `Puppe ${name}`,
          departmentCode,
          password,
        });
        let created = withPassword;
        if (withPassword.statusCode !== 201) {
          // the password field is refused, not ignored
          expect(withPassword.statusCode).toBe(400);
          created = await asA('POST', '/api/v1/users', {
            username: name,
            displayName: `Puppe ${name}`,
            departmentCode,
          });
          expect(created.statusCode).toBe(201);
          const link = new URL(created.json().activationLink.url);
          expect(link.search).toBe('');
          const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
          // the administrator opens the link before the employee does
          const activated = await t.app.inject({
            method: 'POST',
            url: '/api/v1/activation',
            payload: { token, password },
          });
          expect(activated.statusCode).toBe(200);
        }
        puppetIds.push(created.json().id);
        return { id: created.json().id as string, username: name, password };
      }

      const grant = async (userId: string, role: string) =>
        (await asA('POST', `/api/v1/users/${userId}/grants`, { role })).json();

      it('(a) disabling the other administrator, a puppet admin, re-enabling: nothing takes effect alone', async () => {
        const p = await puppet('puppe.admin');
        const disable = await asA('POST', `/api/v1/users/${b.user.id}/disable`, {
          reason: 'Urlaubsvertretung',
        });
        expect(disable.statusCode).toBe(202);
        expect(disable.json()).toMatchObject({
          disabled: false,
          statusRequest: { action: 'disable', requestedBy: { id: a.user.id } },
        });
        // A cannot confirm their own request
        const own = await asA('POST', `/api/v1/users/${b.user.id}/status-request/confirm`);
        expect(own.statusCode).toBe(403);
        expect(own.json().code).toBe('user.status_self_confirm');

        expect(await grant(p.id, 'admin')).toEqual({ status: 'pending' });
        const enable = await asA('POST', `/api/v1/users/${b.user.id}/enable`);
        expect(enable.json().disabled).toBe(false);

        // the puppet signs in and finds no administration rights
        const puppetSession = await signIn(t.app, p);
        const confirmOwn = await t.app.inject({
          method: 'POST',
          url: `/api/v1/users/${p.id}/grants/admin/confirm`,
          headers: { cookie: puppetSession.cookie },
        });
        expect(confirmOwn.statusCode).toBe(403);
      });

      it('(a) revoking the other administrator does not bring the bootstrap rule back', async () => {
        const p = await puppet('puppe.admin2');
        const revoked = await asA('POST', `/api/v1/users/${b.user.id}/grants/admin/revoke`, {
          reason: 'Rollenwechsel',
        });
        expect(revoked.statusCode).toBe(204);
        expect(await grant(p.id, 'admin')).toEqual({ status: 'pending' });
      });

      it('(b) a puppet with field or registrar gets no look-up and no listing rights', async () => {
        const p = await puppet('puppe.feld');
        expect(await grant(p.id, 'field')).toEqual({ status: 'pending' });
        const q = await puppet('puppe.register');
        expect(await grant(q.id, 'registrar')).toEqual({ status: 'pending' });
        const session = await signIn(t.app, p);
        const lookup = await t.app.inject({
          method: 'POST',
          url: '/api/v1/lookups',
          headers: { cookie: session.cookie },
          payload: {
            familyName: 'Mustermann',
            purpose: { fileNumber: 'AZ 2026/1', reason: 'home_visit' },
          },
        });
        expect(lookup.statusCode).toBe(403);
      });

      it('leaves no puppet with an active admin, field or registrar grant', async () => {
        const active = await t.database.db
          .select({ username: users.username, role: userRoles.role })
          .from(userRoles)
          .innerJoin(users, eq(users.id, userRoles.userId))
          .where(
            and(
              inArray(userRoles.userId, puppetIds),
              inArray(userRoles.role, ['admin', 'field', 'registrar']),
              eq(userRoles.status, 'active'),
            ),
          );
        expect(puppetIds.length).toBe(4);
        expect(active).toEqual([]);
      });
    },
  );
}
