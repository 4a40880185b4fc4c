import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { createAuditService } from '../audit/audit.service.js';
import { auditEvents } from '../audit/audit.table.js';
import { listingHistory, listings } from '../listings/listings.table.js';
import { expireDueListings } from './expiry.js';
import { makeListing, makePerson, makeUser } from './retention.fixtures.js';

const TZ = 'Europe/Berlin';

describe.each(engines)('the expiry of listings', (e) => {
  let database: Database;
  const clock = createManualClock();
  const audit = createAuditService({ clock });
  const expire = (dryRun = false) =>
    expireDueListings({ db: database.db, audit, clock, timeZone: TZ, dryRun });

  beforeAll(async () => {
    if (e.skip) return;
    database = await createTestDatabase(e.engine);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const listing = async (validUntil: string, status = 'active') => {
    const user = await makeUser(database.db);
    const person = await makePerson(database.db);
    return makeListing(database.db, {
      personId: person.id,
      proposedBy: user.id,
      status,
      validUntil,
    });
  };
  const statusOf = async (id: string) =>
    (await database.db.select().from(listings).where(eq(listings.id, id)))[0]!;

  it.skipIf(e.skip)(
    `keeps a listing active through its last day in Berlin and expires it at local midnight ${engineTitle(e)}`,
    async () => {
      // Winter time (UTC+1) and the day before summer time starts (UTC+1 → UTC+2 on 29 March).
      const winter = await listing('2026-01-15');
      const spring = await listing('2026-03-28');
      const proposed = await listing('2026-01-10', 'proposed');

      clock.set(new Date('2026-01-15T22:59:59Z')); // 23:59:59 on 15 January in Berlin
      expect(await expire(true)).toEqual({ expired: 0 });
      expect(await expire()).toEqual({ expired: 0 });
      expect((await statusOf(winter.id)).status).toBe('active');

      clock.set(new Date('2026-01-15T23:00:00Z')); // 00:00 on 16 January in Berlin
      expect(await expire(true)).toEqual({ expired: 1 });
      expect((await statusOf(winter.id)).status).toBe('active'); // a dry run changes nothing
      expect(await expire()).toEqual({ expired: 1 });
      const expired = await statusOf(winter.id);
      expect(expired.status).toBe('expired');
      expect(expired.closedAt).toEqual(new Date('2026-01-15T23:00:00Z'));
      expect((await statusOf(proposed.id)).status).toBe('proposed');

      clock.set(new Date('2026-03-28T22:59:59Z')); // 23:59:59 on 28 March (still UTC+1)
      expect(await expire()).toEqual({ expired: 0 });
      clock.set(new Date('2026-03-28T23:00:00Z')); // 00:00 on 29 March
      expect(await expire()).toEqual({ expired: 1 });
      expect((await statusOf(spring.id)).status).toBe('expired');
      expect(await expire()).toEqual({ expired: 0 });

      // History by the system, audit event per listing, both without content.
      const history = await database.db
        .select()
        .from(listingHistory)
        .where(inArray(listingHistory.listingId, [winter.id, spring.id]));
      expect(history.map((h) => [h.action, h.actorId])).toEqual([
        ['expire', null],
        ['expire', null],
      ]);
      const events = await database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'listing.expired'))
        .orderBy(auditEvents.seq);
      expect(events.map((a) => [a.subjectId, a.actorId, a.details])).toEqual([
        [winter.id, null, { status: 'expired', validUntil: '2026-01-15' }],
        [spring.id, null, { status: 'expired', validUntil: '2026-03-28' }],
      ]);
      expect((await audit.verify({ db: database.db })).ok).toBe(true);
    },
  );

  it.skipIf(e.skip)(
    `keeps a listing through its last day when summer time ends ${engineTitle(e)}`,
    async () => {
      const autumn = await listing('2026-10-25'); // clocks go back on 25 October (UTC+2 → UTC+1)
      clock.set(new Date('2026-10-25T22:59:59Z')); // 23:59:59 local
      expect(await expire()).toEqual({ expired: 0 });
      clock.set(new Date('2026-10-25T23:00:00Z')); // 00:00 on 26 October
      expect(await expire()).toEqual({ expired: 1 });
      expect((await statusOf(autumn.id)).status).toBe('expired');
    },
  );
});
