import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { createAuditService } from '../audit/audit.service.js';
import { auditEvents } from '../audit/audit.table.js';
import { corrections } from '../corrections/corrections.table.js';
import { incidentMessages, incidentPersons, incidents } from '../incidents/incidents.table.js';
import { listingHistory, listings } from '../listings/listings.table.js';
import { personNames, persons } from '../persons/persons.table.js';
import { subjectRequests } from '../subject-requests/subject-requests.table.js';
import { ledgerEntries } from './deletion.table.js';
import {
  makeIncident,
  makeListing,
  makePerson,
  makeSubjectRequest,
  makeUser,
} from './deletion.fixtures.js';
import { deleteIncident, deleteListing, erasePerson } from './erase.js';

const at = new Date('2026-06-01T08:00:00Z');

for (const target of engines) {
  describe.skipIf(target.skip)(`deletion primitives ${engineTitle(target)}`, () => {
    let database: Database;
    const clock = createManualClock();
    const audit = createAuditService({ clock });
    const ctx = (rule: string) => ({ audit, actorId: null, rule, at });

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('erases a person with merged records, listings and the personal parts of reports naming nobody else', async () => {
      const db = database.db;
      const user = await makeUser(db);
      const person = await makePerson(db);
      const merged = await makePerson(db, person.id);
      const other = await makePerson(db);
      const alone = await makeIncident(db, user.id, [person.id]);
      const shared = await makeIncident(db, user.id, [merged.id, other.id]);
      const listing = await makeListing(db, person.id, user.id, [alone.id, shared.id]);
      const otherListing = await makeListing(db, other.id, user.id, [shared.id]);
      const request = await makeSubjectRequest(db, person.id, user.id);

      const result = await db.transaction((tx) =>
        erasePerson({ tx, ...ctx('request.erasure'), actorId: user.id, personId: person.id }),
      );
      expect(result.counts).toEqual({
        person: 2,
        listing: 1,
        incident: 0,
        incident_personal_data: 1,
      });

      const gone = await db
        .select()
        .from(persons)
        .where(inArray(persons.id, [person.id, merged.id]));
      expect(gone).toEqual([]);
      expect(
        await db.select().from(personNames).where(eq(personNames.personId, person.id)),
      ).toEqual([]);
      expect(await db.select().from(listings).where(eq(listings.id, listing.id))).toEqual([]);
      expect(
        await db.select().from(listingHistory).where(eq(listingHistory.listingId, listing.id)),
      ).toEqual([]);
      // The other person's listing and the report they share stay as they were.
      expect(await db.select().from(listings).where(eq(listings.id, otherListing.id))).toHaveLength(
        1,
      );
      const [sharedAfter] = await db.select().from(incidents).where(eq(incidents.id, shared.id));
      expect(sharedAfter!.description).toBe('Herr Muster drohte.');
      const sharedPersons = await db
        .select()
        .from(incidentPersons)
        .where(eq(incidentPersons.incidentId, shared.id));
      expect(sharedPersons.map((p) => p.personId)).toEqual([other.id]);
      // The report that named only them keeps the employer's record, not the narrative.
      const [aloneAfter] = await db.select().from(incidents).where(eq(incidents.id, alone.id));
      expect(aloneAfter).toMatchObject({
        description: '',
        placeAddress: null,
        placeDescription: null,
        latitude: null,
        longitude: null,
        categories: ['threat'],
        level: 2,
        reporterId: user.id,
        occurredAt: alone.occurredAt,
      });
      expect(
        await db.select().from(incidentMessages).where(eq(incidentMessages.incidentId, alone.id)),
      ).toEqual([]);
      expect(
        await db.select().from(corrections).where(eq(corrections.incidentId, alone.id)),
      ).toEqual([]);
      // The request outlives the person.
      const [requestAfter] = await db
        .select()
        .from(subjectRequests)
        .where(eq(subjectRequests.id, request.id));
      expect(requestAfter!.personId).toBeNull();

      const ledger = await db
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.rule, 'request.erasure'));
      expect(ledger.map((e) => `${e.kind}:${e.subjectId}`).sort()).toEqual(
        [
          `incident_personal_data:${alone.id}`,
          `listing:${listing.id}`,
          `person:${merged.id}`,
          `person:${person.id}`,
        ].sort(),
      );
      const events = await db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.subjectId, person.id), eq(auditEvents.action, 'deletion.person')),
        );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: user.id, details: { rule: 'request.erasure' } });
      expect(JSON.stringify(events[0])).not.toContain('Muster');

      // Erasing again: nothing left, nothing recorded, no error.
      const again = await db.transaction((tx) =>
        erasePerson({ tx, ...ctx('request.erasure'), personId: person.id }),
      );
      expect(again.counts).toEqual({
        person: 0,
        listing: 0,
        incident: 0,
        incident_personal_data: 0,
      });
      expect(
        await db.select().from(ledgerEntries).where(eq(ledgerEntries.rule, 'request.erasure')),
      ).toHaveLength(4);
    });

    it('deletes a listing with its history, once', async () => {
      const db = database.db;
      const user = await makeUser(db);
      const person = await makePerson(db);
      const incident = await makeIncident(db, user.id, [person.id]);
      const listing = await makeListing(db, person.id, user.id, [incident.id], 'expired');
      const run = () =>
        db.transaction((tx) =>
          deleteListing({ tx, ...ctx('retention.closed_listings'), listingId: listing.id }),
        );
      expect((await run()).counts.listing).toBe(1);
      expect(await db.select().from(listings).where(eq(listings.id, listing.id))).toEqual([]);
      // The person and the report stay.
      expect(await db.select().from(persons).where(eq(persons.id, person.id))).toHaveLength(1);
      expect(await db.select().from(incidents).where(eq(incidents.id, incident.id))).toHaveLength(
        1,
      );
      expect((await run()).counts.listing).toBe(0);
    });

    it('deletes a whole report, but not one a listing rests on', async () => {
      const db = database.db;
      const user = await makeUser(db);
      const person = await makePerson(db);
      const rejected = await makeIncident(db, user.id, [person.id, null]);
      const grounding = await makeIncident(db, user.id, [person.id]);
      await makeListing(db, person.id, user.id, [grounding.id]);

      const run = (incidentId: string) =>
        db.transaction((tx) =>
          deleteIncident({ tx, ...ctx('retention.rejected_reports'), incidentId }),
        );
      expect((await run(rejected.id)).counts.incident).toBe(1);
      expect(await db.select().from(incidents).where(eq(incidents.id, rejected.id))).toEqual([]);
      expect(
        await db.select().from(incidentPersons).where(eq(incidentPersons.incidentId, rejected.id)),
      ).toEqual([]);
      expect((await run(rejected.id)).counts.incident).toBe(0);

      await expect(run(grounding.id)).rejects.toMatchObject({
        status: 409,
        code: 'deletion.incident_grounds_listing',
      });
      expect(await db.select().from(incidents).where(eq(incidents.id, grounding.id))).toHaveLength(
        1,
      );
    });
  });
}
