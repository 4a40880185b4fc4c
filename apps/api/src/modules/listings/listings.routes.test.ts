import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import { pdfText } from '../../test-support/pdf-text.js';
import {
  call as callOn,
  confirmedReport,
  linkedToNewPerson,
  signInCast,
  submittedReport,
} from '../../test-support/register.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

const REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: {
    address: { street: 'Hauptstraße', houseNumber: '12', postalCode: '50667', city: 'Musterstadt' },
  },
  categories: ['threat', 'coercion'],
  level: 2,
  criminalComplaint: { status: 'yes', fileNumber: '71 Js 1234/25' },
  persons: [{ familyName: 'Meyer', givenNames: 'Klaus Peter', dateOfBirth: '1975-04-12' }],
};

for (const target of engines) {
  describe.skipIf(target.skip)(`persons and listings ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    let registrarA: string;
    let registrarB: string;
    let field: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      ({ reporter, registrarA, registrarB, field } = await signInCast(t));
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      callOn(t, cookie, method, url, payload);

    /** A report by the reporter, confirmed by registrar A unless `confirm` is false. */
    async function reported(overrides: object = {}, confirm = true) {
      const report = { ...REPORT, ...overrides };
      if (confirm) return confirmedReport(t, { reporter, registrarA }, report);
      const id = await submittedReport(t, reporter, report);
      return (await call(registrarA, 'GET', `/api/v1/incidents/${id}`)).json();
    }

    const linkNew = (incident: { id: string; persons: { id: string }[] }, familyName = 'Meyer') =>
      linkedToNewPerson(t, registrarA, incident, {
        familyName,
        givenNames: 'Klaus Peter',
        dateOfBirth: '1975-04-12',
      });

    it('creates a person from a report, suggests it for a variant spelling, and links it', async () => {
      const first = await reported();
      const person = await linkNew(first);
      expect(person).toMatchObject({ familyName: 'Meyer', dateOfBirth: '1975-04-12' });
      const second = await reported({
        persons: [{ familyName: 'Maier', givenNames: 'Klaus', dateOfBirth: '1975' }],
      });
      const suggestions = await call(
        registrarA,
        'GET',
        `/api/v1/incidents/${second.id}/persons/${second.persons[0].id}/suggestions`,
      );
      expect(suggestions.statusCode).toBe(200);
      const candidate = suggestions
        .json()
        .candidates.find((c: { person: { id: string } }) => c.person.id === person.id);
      expect(candidate.reasons).toEqual(['similar_family_name', 'given_names', 'date_of_birth']);
      const linked = await call(
        registrarA,
        'POST',
        `/api/v1/incidents/${second.id}/persons/${second.persons[0].id}/link`,
        { personId: person.id },
      );
      expect(linked.json().id).toBe(person.id);
      const incidents = await call(registrarA, 'GET', `/api/v1/persons/${person.id}/incidents`);
      expect(
        incidents
          .json()
          .incidents.map((i: { id: string }) => i.id)
          .sort(),
      ).toEqual([first.id, second.id].sort());
    });

    it('refuses a proposal and says which condition is missing', async () => {
      const propose = (personId: string, incidentIds: string[]) =>
        call(registrarA, 'POST', '/api/v1/listings', {
          personId,
          incidentIds,
          reason: 'Bedrohung im Hausflur',
        });
      const expectRefusal = async (response: Awaited<ReturnType<typeof propose>>, code: string) => {
        expect(response.statusCode).toBe(422);
        expect(response.json()).toMatchObject({ code, errors: [{ field: 'incidentIds' }] });
      };
      const unconfirmed = await reported({}, false);
      const p1 = await linkNew(unconfirmed, 'Schulz');
      await expectRefusal(await propose(p1.id, [unconfirmed.id]), 'listing.no_confirmed_incident');

      const level1 = await reported({ categories: ['insult'], level: 1 });
      const p2 = await linkNew(level1, 'Öztürk');
      await expectRefusal(await propose(p2.id, [level1.id]), 'listing.level_too_low');

      const planned = await reported({
        criminalComplaint: { status: 'planned', fileNumber: null },
      });
      const p3 = await linkNew(planned, 'Nowak');
      await expectRefusal(await propose(p3.id, [planned.id]), 'listing.no_criminal_complaint');
      await expectRefusal(await propose(p3.id, [level1.id]), 'listing.incident_other_person');
    });

    it('a proposal by one registrar is activated by another, with history, and the letter state is recorded', async () => {
      const incident = await reported({ categories: ['physical_violence', 'insult'], level: 3 });
      const person = await linkNew(incident, 'Kowalski');
      const proposed = await call(registrarA, 'POST', '/api/v1/listings', {
        personId: person.id,
        incidentIds: [incident.id],
        precautions: ['pairs_only', 'police_escort'],
        precautionsText: 'Hund im Haushalt',
        reason: 'Körperlicher Angriff auf Vollstreckungsbeamtin',
      });
      expect(proposed.statusCode).toBe(201);
      const listing = proposed.json();
      expect(listing).toMatchObject({
        status: 'proposed',
        level: 3,
        categories: ['physical_violence'],
        validUntil: '2027-12-01',
        precautions: [{ code: 'pairs_only', de: 'Nur zu zweit' }, { code: 'police_escort' }],
        actions: ['decline'],
      });
      const again = await call(registrarA, 'POST', '/api/v1/listings', {
        personId: person.id,
        incidentIds: [incident.id],
        reason: 'zweiter Versuch',
      });
      expect(again.json().code).toBe('listing.already_listed');

      const lookup = () =>
        call(field, 'POST', '/api/v1/lookups', {
          familyName: 'Kowalsky',
          givenNames: 'Klaus Peter',
          dateOfBirth: '1975-04-12',
          purpose: { fileNumber: 'VZ-2026-118', reason: 'home_visit' },
        }).then((r) => r.json().candidates as { familyName: string; level: number }[]);
      expect(await lookup()).toEqual([]);

      const self = await call(registrarA, 'POST', `/api/v1/listings/${listing.id}/activate`, {});
      expect(self.statusCode).toBe(403);
      expect(self.json().code).toBe('listing.same_registrar');
      const queue = await call(registrarB, 'GET', '/api/v1/notifications');
      expect(queue.json().waiting.activations).toBeGreaterThanOrEqual(1);
      const activated = await call(
        registrarB,
        'POST',
        `/api/v1/listings/${listing.id}/activate`,
        {},
      );
      expect(activated.statusCode).toBe(200);
      expect(activated.json()).toMatchObject({
        status: 'active',
        actions: ['letter', 'record_notification', 'end', 'extend', 'restrict'],
      });
      // Field staff find the person from now on, also with a variant spelling.
      expect(await lookup()).toMatchObject([{ familyName: 'Kowalski', level: 3 }]);
      expect(activated.json().history.map((h: { action: string }) => h.action)).toEqual([
        'propose',
        'activate',
      ]);

      const letter = await call(registrarB, 'GET', `/api/v1/listings/${listing.id}/letter`);
      expect(letter.statusCode).toBe(200);
      expect(letter.headers['content-type']).toBe('application/pdf');
      expect(letter.headers['cache-control']).toBe('no-store');
      const { text } = await pdfText(new Uint8Array(letter.rawPayload));
      expect(text).toContain('Guten Tag Klaus Peter Kowalski,');
      expect(text).toContain('1. Dezember 2027');
      expect(text).toContain('Nur zu zweit');
      const proposedLetter = await call(
        registrarA,
        'GET',
        `/api/v1/listings/${(await reported()).id}/letter`,
      );
      expect(proposedLetter.statusCode).toBe(404);

      const pastReview = await call(
        registrarB,
        'POST',
        `/api/v1/listings/${listing.id}/notification`,
        {
          state: 'held_back',
          reason: 'Laufendes Ermittlungsverfahren der Polizei',
          reviewOn: '2026-01-01',
        },
      );
      expect(pastReview.statusCode).toBe(400);
      expect(pastReview.json().errors[0].field).toBe('reviewOn');
      const sent = await call(registrarB, 'POST', `/api/v1/listings/${listing.id}/notification`, {
        state: 'sent',
        sentOn: '2026-01-15',
      });
      expect(sent.json().notification).toEqual({
        state: 'sent',
        sentOn: '2026-01-15',
        holdReason: null,
        reviewOn: null,
      });
      const active = await call(registrarA, 'GET', '/api/v1/listings?status=active');
      expect(active.json().listings.map((l: { id: string }) => l.id)).toContain(listing.id);
    });

    it('refuses an unknown precaution and a valid-until date in the past, naming the field', async () => {
      const incident = await reported();
      const person = await linkNew(incident, 'Yılmaz');
      const unknown = await call(registrarA, 'POST', '/api/v1/listings', {
        personId: person.id,
        incidentIds: [incident.id],
        precautions: ['pairs_only', 'bring_cake'],
        reason: 'Bedrohung',
      });
      expect(unknown.json()).toMatchObject({
        code: 'listing.precaution_unknown',
        errors: [{ field: 'precautions.1' }],
      });
      const past = await call(registrarA, 'POST', '/api/v1/listings', {
        personId: person.id,
        incidentIds: [incident.id],
        validUntil: '2025-12-31',
        reason: 'Bedrohung',
      });
      expect(past.json()).toMatchObject({
        code: 'listing.valid_until_invalid',
        errors: [{ field: 'validUntil' }],
      });
    });

    it('merges two records of one person: names, reports and listings move to the one kept', async () => {
      const a = await reported();
      const keep = await linkNew(a, 'Abdullah');
      const b = await reported({ persons: [{ familyName: 'Abdalla', givenNames: 'Klaus Peter' }] });
      const gone = await linkNew(b, 'Abdalla');
      const merged = await call(registrarA, 'POST', `/api/v1/persons/${keep.id}/merge`, {
        mergeId: gone.id,
        reason: 'Gleiche Person, andere Schreibweise',
      });
      expect(merged.statusCode).toBe(200);
      expect(merged.json().names).toEqual([
        { kind: 'alias', familyName: 'Abdalla', givenNames: 'Klaus Peter' },
      ]);
      const reports = await call(registrarA, 'GET', `/api/v1/persons/${keep.id}/incidents`);
      expect(reports.json().incidents).toHaveLength(2);
      const old = await call(registrarA, 'GET', `/api/v1/persons/${gone.id}`);
      expect(old.json().mergedIntoId).toBe(keep.id);
      const self = await call(registrarA, 'POST', `/api/v1/persons/${keep.id}/merge`, {
        mergeId: keep.id,
        reason: 'Versehen',
      });
      expect(self.json().code).toBe('person.merge_same');
    });
  });
}
