import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestUser, useTestApp } from '../../test-support/test-app.js';
import { twoAdministrators } from '../../test-support/grants.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { userRoles } from '../identity/identity.table.js';
import { recordLapsedGrants } from './grants.lapse.js';

const TZ = 'Europe/Berlin';
/** 09:00 in Berlin on the given date. */
const at = (date: string) => new Date(`${date}T08:00:00Z`);

/**
 * Grants that lapse: a re-certification overdue by more than the grace (30 days) stops the
 * grant until an administrator recertifies it; revoking keeps the row; the job audits each
 * lapse or expiry once.
 */
for (const target of engines) {
  describe.skipIf(target.skip)(`grants that lapse ${engineTitle(target)}`, () => {
    const ctx = useTestApp(target.engine, twoAdministrators);

    const run = () =>
      recordLapsedGrants({
        db: ctx.t.database.db,
        audit: ctx.t.services.audit,
        clock: ctx.t.clock,
        timeZone: TZ,
        graceDays: 30,
      });
    const roles = async (userId: string) => (await ctx.t.services.grants.rolesOf({ userId })).roles;
    const statusOf = async (userId: string, role: string) =>
      (await ctx.t.services.grants.listForUser({ userId })).grants.find((g) => g.role === role)
        ?.status;
    const events = (userId: string) =>
      ctx.t.database.db
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, userId)))
        .orderBy(asc(auditEvents.seq));

    it('stops a grant the day after the grace, audits it once, and recertifying restores it', async () => {
      ctx.t.clock.set(at('2026-01-15'));
      const { user } = await createTestUser(ctx.t, { secondFactor: 'none' });
      await ctx.t.services.grants.grant({
        actor: ctx.adminId,
        userId: user.id,
        role: 'control_room',
        endsOn: null,
      });
      // recertify by 2027-01-15; 30 days of grace: works through 2027-02-14
      ctx.t.clock.set(at('2027-02-14'));
      expect(await roles(user.id)).toContain('control_room');
      expect(await statusOf(user.id, 'control_room')).toBe('active');
      expect(await run()).toEqual({ expired: 0, lapsed: 0 });

      ctx.t.clock.set(at('2027-02-15'));
      expect(await roles(user.id)).not.toContain('control_room');
      expect(await statusOf(user.id, 'control_room')).toBe('lapsed');
      // two scheduler instances at once: one event per grant, not two
      const [a, b] = await Promise.all([run(), run()]);
      expect(a.lapsed + b.lapsed).toBeGreaterThanOrEqual(1);
      expect(await run()).toMatchObject({ lapsed: 0 });
      const lapsed = (await events(user.id)).filter(
        (e) => e.action === 'grant.lapsed' && e.details.role === 'control_room',
      );
      expect(lapsed).toHaveLength(1);
      expect(lapsed[0]!.details).toMatchObject({ role: 'control_room', recertifyBy: '2027-01-15' });

      await ctx.t.services.grants.recertify({
        actor: ctx.adminId,
        userId: user.id,
        role: 'control_room',
      });
      expect(await roles(user.id)).toContain('control_room');
      expect(await statusOf(user.id, 'control_room')).toBe('active');
      expect(await run()).toMatchObject({ lapsed: 0 });
    });

    it('audits a grant past its end date once as expired', async () => {
      ctx.t.clock.set(at('2026-01-15'));
      const { user } = await createTestUser(ctx.t, { secondFactor: 'none' });
      await ctx.t.services.grants.grant({
        actor: ctx.adminId,
        userId: user.id,
        role: 'control_room',
        endsOn: '2026-03-31',
      });
      ctx.t.clock.set(at('2026-03-31'));
      expect(await roles(user.id)).toContain('control_room');
      await run();
      ctx.t.clock.set(at('2026-04-01'));
      expect(await roles(user.id)).not.toContain('control_room');
      expect(await statusOf(user.id, 'control_room')).toBe('expired');
      await run();
      await run();
      const expired = (await events(user.id)).filter((e) => e.action === 'grant.expired');
      expect(expired.map((e) => e.details)).toEqual([
        { role: 'control_room', endsOn: '2026-03-31' },
      ]);
    });

    /** A control-room grant made and revoked on 2026-01-15; `grant` grants it again. */
    async function revokedControlRoom(reason: string) {
      ctx.t.clock.set(at('2026-01-15'));
      const { user } = await createTestUser(ctx.t, { secondFactor: 'none' });
      const role = 'control_room' as const;
      const grant = () =>
        ctx.t.services.grants.grant({ actor: ctx.adminId, userId: user.id, role, endsOn: null });
      await grant();
      await ctx.t.services.grants.revoke({ actor: ctx.adminId, userId: user.id, role, reason });
      return { user, grant };
    }

    it('keeps a revoked grant as a row that gives nothing, and a new grant reuses it', async () => {
      const { user, grant } = await revokedControlRoom('moved to another office');
      const [row] = await ctx.t.database.db
        .select()
        .from(userRoles)
        .where(and(eq(userRoles.userId, user.id), eq(userRoles.role, 'control_room')));
      expect(row).toMatchObject({ status: 'revoked', revokedBy: ctx.adminId });
      expect(row!.revokedAt).toEqual(at('2026-01-15'));
      expect(await roles(user.id)).not.toContain('control_room');
      expect(await statusOf(user.id, 'control_room')).toBe('revoked');
      await expect(
        ctx.t.services.grants.revoke({
          actor: ctx.adminId,
          userId: user.id,
          role: 'control_room',
          reason: 'x',
        }),
      ).rejects.toMatchObject({ code: 'grant.not_found' });

      expect(await grant()).toEqual({ status: 'active' });
      expect(await roles(user.id)).toContain('control_room');
      const [again] = await ctx.t.database.db
        .select()
        .from(userRoles)
        .where(and(eq(userRoles.userId, user.id), eq(userRoles.role, 'control_room')));
      expect(again).toMatchObject({ status: 'active', revokedBy: null, revokedAt: null });
      expect((await events(user.id)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['grant.granted', 'grant.revoked']),
      );
    });

    it('re-grants a revoked role once when eight administrators’ requests arrive at once', async () => {
      const { user, grant } = await revokedControlRoom('on leave');
      const results = await Promise.allSettled(Array.from({ length: 8 }, grant));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'grant.already_held' });
      }
      const granted = (await events(user.id)).filter(
        (e) => e.action === 'grant.granted' && e.details.role === 'control_room',
      );
      expect(granted).toHaveLength(2);
    });

    it('does not count a revoked administrator as the second one', async () => {
      await ctx.t.services.grants.revoke({
        actor: ctx.adminId,
        userId: ctx.secondAdminId,
        role: 'admin',
        reason: 'left the city',
      });
      await expect(
        ctx.t.services.grants.revoke({
          actor: ctx.secondAdminId,
          userId: ctx.adminId,
          role: 'admin',
          reason: 'no',
        }),
      ).rejects.toMatchObject({ code: 'grant.last_admin' });
    });
  });
}
