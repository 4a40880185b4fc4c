import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { userRoles, users } from '../identity/identity.table.js';

/**
 * Decisions about who the administrators are read the set and then change it. Fired side by
 * side (on PostgreSQL, where transactions really run in parallel) they must still hold: the
 * first administrator makes exactly one second one alone, and consenting to one's own
 * disabling never leaves the city without an administrator.
 */
for (const target of engines) {
  describe.skipIf(target.skip)(
    `the set of administrators under parallel requests ${engineTitle(target)}`,
    () => {
      let t: TestApp;
      afterEach(async () => {
        await t?.close();
      });

      async function activeAdmins() {
        const rows = await t.database.db
          .select({ id: userRoles.userId, disabledAt: users.disabledAt })
          .from(userRoles)
          .innerJoin(users, eq(users.id, userRoles.userId))
          .where(and(eq(userRoles.role, 'admin'), eq(userRoles.status, 'active')));
        return rows.filter((r) => r.disabledAt === null).map((r) => r.id);
      }

      it('the first administrator granting admin to eight accounts at once makes only one of them active', async () => {
        t = await buildTestApp({ engine: target.engine });
        const first = await createTestUser(t, { roles: ['admin', 'reporter'] });
        const employees = await Promise.all(
          Array.from({ length: 8 }, () => createTestUser(t, { roles: ['reporter'] })),
        );
        const results = await Promise.all(
          employees.map((e) =>
            t.services.grants.grant({
              actor: first.user.id,
              userId: e.user.id,
              role: 'admin',
              endsOn: null,
            }),
          ),
        );
        expect(results.filter((r) => r.status === 'active')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'pending')).toHaveLength(7);
        expect(await activeAdmins()).toHaveLength(2);
      });

      it('two administrators consenting at once to the other’s request to disable them leave one administrator', async () => {
        t = await buildTestApp({ engine: target.engine });
        const a = await createTestUser(t, { roles: ['admin', 'reporter'] });
        const b = await createTestUser(t, { roles: ['admin', 'reporter'] });
        const requests = t.services.users.statusRequests;
        expect(
          await requests.change({
            actor: a.user.id,
            id: b.user.id,
            action: 'disable',
            reason: null,
          }),
        ).toEqual({ pending: true });
        expect(
          await requests.change({
            actor: b.user.id,
            id: a.user.id,
            action: 'disable',
            reason: null,
          }),
        ).toEqual({ pending: true });
        const outcomes = await Promise.allSettled([
          requests.confirm({ actor: a.user.id, id: a.user.id }),
          requests.confirm({ actor: b.user.id, id: b.user.id }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason.code).toBe('grant.last_admin');
        expect(await activeAdmins()).toHaveLength(1);
      });

      it('eight parallel requests to disable a registrar file one request, and its requester cannot confirm it', async () => {
        t = await buildTestApp({ engine: target.engine });
        const a = await createTestUser(t, { roles: ['admin', 'reporter'] });
        await createTestUser(t, { roles: ['admin', 'reporter'] });
        const registrar = await createTestUser(t, { roles: ['registrar', 'reporter'] });
        const requests = t.services.users.statusRequests;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () =>
            requests.change({
              actor: a.user.id,
              id: registrar.user.id,
              action: 'disable',
              reason: null,
            }),
          ),
        );
        for (const o of outcomes) {
          if (o.status === 'fulfilled') expect(o.value).toEqual({ pending: true });
          else expect(o.reason.code).toBe('user.status_request_pending');
        }
        const { pending } = await requests.listPending();
        expect(pending.map((p) => p.user.id)).toEqual([registrar.user.id]);
        const events = await t.database.db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(eq(auditEvents.subjectId, registrar.user.id));
        expect(events.filter((e) => e.action === 'user.disable_requested')).toHaveLength(1);
        await expect(
          requests.confirm({ actor: a.user.id, id: registrar.user.id }),
        ).rejects.toMatchObject({
          code: 'user.status_self_confirm',
        });
        const [row] = await t.database.db
          .select()
          .from(users)
          .where(eq(users.id, registrar.user.id));
        expect(row?.disabledAt).toBeNull();
      });
    },
  );
}
