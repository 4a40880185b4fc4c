import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { makeListing, makePerson, makeUser } from '../deletion/deletion.fixtures.js';
import { listings } from './listings.table.js';

const REASON = 'Person bestreitet den Vorfall schriftlich';

/**
 * A restriction is set with a date by which the dispute is to be decided. From the day after
 * that date (in the city's time zone, Europe/Berlin) the registrars' review queue lists it and
 * the listing says it is overdue, until the restriction is lifted.
 */
for (const target of engines) {
  describe.skipIf(target.skip)(
    `restrictions past their decide-by date ${engineTitle(target)}`,
    () => {
      const ctx = useTestApp(target.engine, async (t) => ({
        registrar: { id: (await makeUser(t.database.db)).id },
      }));

      async function restricted(until: string, status = 'active') {
        const db = ctx.t.database.db;
        const person = await makePerson(db);
        const listing = await makeListing(db, person.id, (await makeUser(db)).id, [], status);
        await db
          .update(listings)
          .set({ restricted: true, restrictedUntil: until })
          .where(eq(listings.id, listing.id));
        return listing.id;
      }
      const overdueIds = async () =>
        (await ctx.t.services.listings.due({ actor: ctx.registrar })).restrictionsOverdue.map(
          (l) => l.id,
        );
      const isOverdue = async (id: string) =>
        (await ctx.t.services.listings.get({ actor: ctx.registrar, id })).restrictionOverdue;

      it('is overdue from midnight in Berlin after the decide-by date, not a second before', async () => {
        ctx.t.clock.set(new Date('2026-01-15T08:00:00Z'));
        const person = await makePerson(ctx.t.database.db);
        const { id } = await makeListing(
          ctx.t.database.db,
          person.id,
          (await makeUser(ctx.t.database.db)).id,
          [],
        );
        await ctx.t.services.listings.restrict({
          actor: ctx.registrar,
          id,
          restriction: { until: '2026-02-28', reason: REASON },
        });
        expect(await isOverdue(id)).toBe(false);

        // 23:59:59 on 28 February in Berlin: the decide-by day itself.
        ctx.t.clock.set(new Date('2026-02-28T22:59:59Z'));
        expect(await overdueIds()).not.toContain(id);
        expect(await isOverdue(id)).toBe(false);

        // 00:00 on 1 March in Berlin (still 28 February in UTC).
        ctx.t.clock.set(new Date('2026-02-28T23:00:00Z'));
        expect(await overdueIds()).toContain(id);
        expect(await isOverdue(id)).toBe(true);

        await ctx.t.services.listings.liftRestriction({ actor: ctx.registrar, id, reason: REASON });
        expect(await overdueIds()).not.toContain(id);
        expect(await isOverdue(id)).toBe(false);
      });

      it('lists expired and ended listings still restricted, the longest overdue first, audited', async () => {
        ctx.t.clock.set(new Date('2026-06-10T08:00:00Z'));
        const older = await restricted('2026-05-01', 'expired');
        const newer = await restricted('2026-06-09', 'ended');
        const notYet = await restricted('2026-06-10');
        const declined = await restricted('2026-05-01', 'declined');
        const ids = await overdueIds();
        expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
        expect(ids.indexOf(older)).toBeGreaterThanOrEqual(0);
        expect(ids).not.toContain(notYet);
        expect(ids).not.toContain(declined);

        const [event] = await ctx.t.database.db
          .select({ details: auditEvents.details })
          .from(auditEvents)
          .where(
            and(eq(auditEvents.action, 'listing.list'), eq(auditEvents.actorId, ctx.registrar.id)),
          )
          .orderBy(desc(auditEvents.seq))
          .limit(1);
        expect(event?.details).toMatchObject({ overdueRestrictionIds: ids });
      });
    },
  );
}
