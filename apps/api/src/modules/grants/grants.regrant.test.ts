import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestUser, useTestApp } from '../../test-support/test-app.js';
import { twoAdministrators } from '../../test-support/grants.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { userRoles } from '../identity/identity.table.js';

/** 09:00 in Berlin on the given date. */
const at = (date: string) => new Date(`${date}T08:00:00Z`);

/**
 * A grant that stopped working without being revoked (its end date passed, or its
 * re-certification lapsed) does not block the role: an administrator grants it anew or
 * recertifies it, with a second administrator where the role needs four eyes. The one row of
 * the role is reused; what it was stays in the audit log.
 */
for (const target of engines) {
  describe.skipIf(target.skip)(
    `granting a lapsed or ended role anew ${engineTitle(target)}`,
    () => {
      const ctx = useTestApp(target.engine, twoAdministrators);

      const grants = () => ctx.t.services.grants;
      const roles = async (userId: string) => (await grants().rolesOf({ userId })).roles;
      const statusOf = async (userId: string, role: string) =>
        (await grants().listForUser({ userId })).grants.find((g) => g.role === role)?.status;
      const events = async (userId: string, action: string) =>
        (
          await ctx.t.database.db
            .select({ action: auditEvents.action, details: auditEvents.details })
            .from(auditEvents)
            .where(and(eq(auditEvents.subjectId, userId), eq(auditEvents.action, action)))
            .orderBy(asc(auditEvents.seq))
        ).map((e) => e.details);

      /** A registrar since 2026-01-15 (granted and confirmed), re-certification due 2027-01-15. */
      async function registrar() {
        ctx.t.clock.set(at('2026-01-15'));
        const { user } = await createTestUser(ctx.t, { secondFactor: 'none' });
        const role = 'registrar' as const;
        await grants().grant({ actor: ctx.adminId, userId: user.id, role, endsOn: null });
        await grants().confirm({ actor: ctx.secondAdminId, userId: user.id, role });
        return user.id;
      }

      it('recertifying a lapsed registrar waits for a second administrator', async () => {
        const userId = await registrar();
        ctx.t.clock.set(at('2027-03-01')); // past the 30 days of grace
        expect(await statusOf(userId, 'registrar')).toBe('lapsed');

        const answer = await grants().recertify({ actor: ctx.adminId, userId, role: 'registrar' });
        expect(answer).toEqual({ status: 'pending', recertifyBy: '2028-03-01' });
        expect(await roles(userId)).not.toContain('registrar');
        expect(await statusOf(userId, 'registrar')).toBe('pending');
        await expect(
          grants().confirm({ actor: ctx.adminId, userId, role: 'registrar' }),
        ).rejects.toMatchObject({ code: 'grant.self_confirm' });
        await grants().confirm({ actor: ctx.secondAdminId, userId, role: 'registrar' });
        expect(await roles(userId)).toContain('registrar');

        expect((await events(userId, 'grant.requested')).at(-1)).toMatchObject({
          role: 'registrar',
          recertification: true,
          replaces: { status: 'lapsed', recertifyBy: '2027-01-15', confirmedBy: ctx.secondAdminId },
        });
      });

      it('a role past its end date is granted anew, not recertified; a working one still is not', async () => {
        ctx.t.clock.set(at('2026-01-15'));
        const { user } = await createTestUser(ctx.t, { secondFactor: 'none' });
        const grant = (endsOn: string | null) =>
          grants().grant({ actor: ctx.adminId, userId: user.id, role: 'control_room', endsOn });
        await grant('2026-03-31');
        await expect(grant(null)).rejects.toMatchObject({ code: 'grant.already_held' });

        ctx.t.clock.set(at('2026-04-01'));
        expect(await statusOf(user.id, 'control_room')).toBe('expired');
        await expect(
          grants().recertify({ actor: ctx.adminId, userId: user.id, role: 'control_room' }),
        ).rejects.toMatchObject({ status: 409, code: 'grant.ended' });
        expect(await grant('2026-12-31')).toEqual({ status: 'active' });
        expect(await roles(user.id)).toContain('control_room');
        expect((await events(user.id, 'grant.granted')).at(-1)).toMatchObject({
          role: 'control_room',
          endsOn: '2026-12-31',
          replaces: { status: 'expired', endsOn: '2026-03-31' },
        });
      });

      it('eight administrators re-granting a lapsed registrar at once make exactly one request', async () => {
        const userId = await registrar();
        ctx.t.clock.set(at('2027-03-01'));
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            grants().grant({
              actor: i % 2 === 0 ? ctx.adminId : ctx.secondAdminId,
              userId,
              role: 'registrar',
              endsOn: null,
            }),
          ),
        );
        const fulfilled = results.filter((r) => r.status === 'fulfilled');
        expect(fulfilled.map((r) => r.value)).toEqual([{ status: 'pending' }]);
        for (const r of results.filter((r) => r.status === 'rejected')) {
          expect(r.reason).toMatchObject({ code: 'grant.already_held' });
        }
        const requested = await events(userId, 'grant.requested');
        expect(requested.filter((d) => d.replaces !== undefined)).toHaveLength(1);
        const rows = await ctx.t.database.db
          .select({ status: userRoles.status })
          .from(userRoles)
          .where(and(eq(userRoles.userId, userId), eq(userRoles.role, 'registrar')));
        expect(rows).toEqual([{ status: 'pending' }]);
      });
    },
  );
}
