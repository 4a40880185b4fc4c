import type { Role } from '@zemag/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import {
  call as callOn,
  confirmedReport,
  linkedToNewPerson,
  signedIn,
  signedInRegistrar,
  signInCast,
} from '../../test-support/register.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { rowsOf } from '../../db/database.js';

const REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: {
    address: { street: 'Lindenweg', houseNumber: '3', postalCode: '50667', city: 'Musterstadt' },
  },
  categories: ['threat'],
  level: 2,
  criminalComplaint: { status: 'yes', fileNumber: '71 Js 99/25' },
  persons: [{ familyName: 'Brandt', givenNames: 'Jana' }],
};
const REASON = 'Gefährdung besteht fort, neue Anzeige';

for (const target of engines) {
  describe.skipIf(target.skip)(`a listing's life cycle ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    let a: string;
    let b: string;
    let c: string;
    let field: string;
    beforeAll(async () => {
      // The manual clock starts at 2026-01-15 (Berlin); the review window is 30 days.
      t = await buildTestApp({ engine: target.engine });
      ({ reporter, registrarA: a, registrarB: b, field } = await signInCast(t));
      c = await signedInRegistrar(t);
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      callOn(t, cookie, method, url, payload);

    /** A confirmed report on a new person, proposed by A; activated by B unless `proposed`. */
    async function listing(familyName: string, validUntil?: string, proposed = false) {
      const incident = await confirmedReport(
        t,
        { reporter, registrarA: a },
        { ...REPORT, persons: [{ familyName, givenNames: 'Jana' }] },
      );
      const person = await linkedToNewPerson(t, a, incident, { familyName, givenNames: 'Jana' });
      const created = await call(a, 'POST', '/api/v1/listings', {
        personId: person.id,
        incidentIds: [incident.id],
        reason: 'Bedrohung mit Anzeige',
        ...(validUntil ? { validUntil } : {}),
      });
      expect(created.statusCode).toBe(201);
      const listingId: string = created.json().id;
      t.clock.advance(60_000); // each step of the history at its own minute
      if (!proposed) {
        expect(
          (await call(b, 'POST', `/api/v1/listings/${listingId}/activate`, {})).statusCode,
        ).toBe(200);
        t.clock.advance(60_000);
      }
      return listingId;
    }

    // A field employee asks with the full name: a family name alone is not evidence enough.
    const lookup = (familyName: string) =>
      call(field, 'POST', '/api/v1/lookups', {
        familyName,
        givenNames: 'Jana',
        purpose: { fileNumber: 'VZ-2026-118', reason: 'home_visit' },
      }).then((r) => r.json().candidates as { familyName: string }[]);

    it('declines a proposal with a reason: closed, never active, in the history', async () => {
      const id = await listing('Albers', undefined, true);
      const short = await call(b, 'POST', `/api/v1/listings/${id}/decline`, { reason: 'nein' });
      expect(short.statusCode).toBe(400);
      const declined = await call(b, 'POST', `/api/v1/listings/${id}/decline`, { reason: REASON });
      expect(declined.statusCode).toBe(200);
      expect(declined.json()).toMatchObject({ status: 'declined', actions: [] });
      expect(declined.json().closedAt).toBe(t.clock.now().toISOString());
      expect(declined.json().history.at(-1)).toMatchObject({ action: 'decline', reason: REASON });
      const again = await call(b, 'POST', `/api/v1/listings/${id}/activate`, {});
      expect(again.json().code).toBe('listing.wrong_status');
      const list = await call(a, 'GET', '/api/v1/listings?status=declined');
      expect(list.json().listings.map((l: { id: string }) => l.id)).toContain(id);
    });

    it('ends an active listing early: field staff no longer find the person', async () => {
      const id = await listing('Bertram');
      expect(await lookup('Bertram')).toHaveLength(1);
      const ended = await call(a, 'POST', `/api/v1/listings/${id}/end`, { reason: REASON });
      expect(ended.json()).toMatchObject({ status: 'ended', actions: [] });
      expect(ended.json().closedAt).not.toBeNull();
      expect(await lookup('Bertram')).toEqual([]);
      const twice = await call(a, 'POST', `/api/v1/listings/${id}/end`, { reason: REASON });
      expect(twice.statusCode).toBe(409);
    });

    it('extends only when a second registrar confirms, within five years from today', async () => {
      const id = await listing('Claßen', '2026-06-30');
      const url = `/api/v1/listings/${id}/extension`;
      const earlier = await call(a, 'POST', url, { validUntil: '2026-06-01', reason: REASON });
      expect(earlier.json()).toMatchObject({
        code: 'listing.extension_not_later',
        errors: [{ field: 'validUntil' }],
      });
      const tooLong = await call(a, 'POST', url, { validUntil: '2031-01-16', reason: REASON });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json()).toMatchObject({
        code: 'listing.extension_too_long',
        errors: [{ field: 'validUntil' }],
      });
      t.clock.advance(60_000);
      const proposed = await call(a, 'POST', url, { validUntil: '2031-01-15', reason: REASON });
      expect(proposed.statusCode).toBe(200);
      expect(proposed.json()).toMatchObject({
        validUntil: '2026-06-30',
        extension: { validUntil: '2031-01-15', reason: REASON },
      });
      expect(proposed.json().actions).not.toContain('confirm_extension');
      const second = await call(b, 'POST', url, { validUntil: '2027-01-15', reason: REASON });
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('listing.extension_pending');
      const self = await call(a, 'POST', `${url}/confirm`);
      expect(self.statusCode).toBe(403);
      expect(self.json().code).toBe('listing.same_registrar');
      expect((await call(b, 'GET', `/api/v1/listings/${id}`)).json().actions).toContain(
        'confirm_extension',
      );
      t.clock.advance(60_000);
      const confirmed = await call(b, 'POST', `${url}/confirm`);
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toMatchObject({ validUntil: '2031-01-15', extension: null });
      expect(confirmed.json().history.map((h: { action: string }) => h.action)).toEqual([
        'propose',
        'activate',
        'extension_proposed',
        'extension_confirmed',
      ]);
    });

    it('a withdrawn extension leaves the date; eight parallel confirmations extend once', async () => {
      const id = await listing('Dietz', '2026-03-31');
      const url = `/api/v1/listings/${id}/extension`;
      await call(a, 'POST', url, { validUntil: '2026-12-31', reason: REASON });
      const withdrawn = await call(b, 'POST', `${url}/withdraw`, {
        reason: 'Nicht erforderlich, Lage ruhig',
      });
      expect(withdrawn.json()).toMatchObject({ validUntil: '2026-03-31', extension: null });
      expect((await call(b, 'POST', `${url}/confirm`)).json().code).toBe(
        'listing.extension_missing',
      );

      await call(a, 'POST', url, { validUntil: '2027-03-31', reason: REASON });
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => call(i % 2 === 0 ? b : c, 'POST', `${url}/confirm`)),
      );
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      const after = (await call(a, 'GET', `/api/v1/listings/${id}`)).json();
      expect(after.validUntil).toBe('2027-03-31');
      expect(
        after.history.filter((h: { action: string }) => h.action === 'extension_confirmed'),
      ).toHaveLength(1);
    });

    it('restricts a disputed listing: hidden from field look-ups, no letter, ledger entries', async () => {
      const id = await listing('Ebert');
      expect(await lookup('Ebert')).toHaveLength(1);
      const past = await call(a, 'POST', `/api/v1/listings/${id}/restriction`, {
        until: '2026-01-15',
        reason: REASON,
      });
      expect(past.json()).toMatchObject({
        code: 'listing.restriction_until_invalid',
        errors: [{ field: 'until' }],
      });
      const restricted = await call(a, 'POST', `/api/v1/listings/${id}/restriction`, {
        until: '2026-02-28',
        reason: 'Person bestreitet den Vorfall schriftlich',
        onRequest: true,
      });
      expect(restricted.statusCode).toBe(200);
      expect(restricted.json()).toMatchObject({ restricted: true, restrictedUntil: '2026-02-28' });
      expect(restricted.json().actions).not.toContain('letter');
      expect(restricted.json().actions).toContain('lift_restriction');
      expect(await lookup('Ebert')).toEqual([]);
      const registrarLookup = await call(a, 'POST', '/api/v1/lookups', {
        familyName: 'Ebert',
        givenNames: 'Jana',
        purpose: { fileNumber: 'VZ-2026-118', reason: 'home_visit' },
      });
      expect(registrarLookup.json().candidates[0].listing).toMatchObject({ restricted: true });
      const letter = await call(b, 'GET', `/api/v1/listings/${id}/letter`);
      expect(letter.statusCode).toBe(409);
      expect(letter.json().code).toBe('listing.restricted');

      const lifted = await call(b, 'POST', `/api/v1/listings/${id}/restriction/lift`, {
        reason: 'Vorfall durch Polizeibericht bestätigt',
      });
      expect(lifted.json()).toMatchObject({ restricted: false, restrictedUntil: null });
      expect(await lookup('Ebert')).toHaveLength(1);
      const ledger = rowsOf<{ kind: string; rule: string; facts: unknown }>(
        await t.database.db.execute(
          sql`SELECT kind, rule, facts FROM ledger_entries WHERE subject_id = ${id} ORDER BY id`,
        ),
      );
      expect(ledger).toEqual([
        { kind: 'restriction_set', rule: 'request.restriction', facts: { until: '2026-02-28' } },
        { kind: 'restriction_lifted', rule: 'registrar', facts: {} },
      ]);
    });

    it('the review queue: listings ending within the window, oldest first; held-back letters due', async () => {
      // Today is 2026-01-15: the window of 30 days ends on 2026-02-14, inclusive.
      const edge = await listing('Fuchs', '2026-02-14');
      const outside = await listing('Gerber', '2026-02-15');
      const soon = await listing('Hahn', '2026-01-20');
      const held = await listing('Imhof');
      await call(b, 'POST', `/api/v1/listings/${held}/notification`, {
        state: 'held_back',
        reason: 'Laufendes Ermittlungsverfahren der Polizei',
        reviewOn: '2026-01-20',
      });
      const due = async (query = '') =>
        (await call(a, 'GET', `/api/v1/listings/due${query}`)).json();
      const first = await due();
      const ids = first.listings.map((l: { id: string }) => l.id);
      expect(first.withinDays).toBe(30);
      expect(ids.indexOf(soon)).toBeLessThan(ids.indexOf(edge));
      expect(ids).not.toContain(outside);
      expect(first.heldBackLetters).toEqual([]);
      expect((await due('?withinDays=31')).listings.map((l: { id: string }) => l.id)).toContain(
        outside,
      );
      expect((await call(a, 'GET', '/api/v1/listings/due?withinDays=x')).statusCode).toBe(400);

      expect((await call(field, 'GET', '/api/v1/listings/due')).statusCode).toBe(403);
      t.clock.advance(5 * 86_400_000); // 2026-01-20: the held-back letter is due again
      const again = await signedIn(t, ['registrar']);
      const later = (await call(again, 'GET', '/api/v1/listings/due')).json();
      expect(later.heldBackLetters.map((l: { id: string }) => l.id)).toEqual([held]);
      expect(later.listings.map((l: { id: string }) => l.id)).toContain(outside);
    });

    it('a pending extension closes with its listing: ended early, or expired by the job', async () => {
      const registrar = async (roles: Role[] = ['reporter', 'registrar']) =>
        (await signIn(t.app, await createTestUser(t, { roles }))).cookie;
      // Earlier tests moved the clock on past their sessions' idle time.
      [reporter, a, b] = [await registrar(['reporter']), await registrar(), await registrar()];
      const history = (listing: { history: { action: string; reason: string | null }[] }) =>
        listing.history.map((h) => [h.action, h.reason]);
      const ended = await listing('Jansen', '2026-06-30');
      await call(a, 'POST', `/api/v1/listings/${ended}/extension`, {
        validUntil: '2026-12-31',
        reason: REASON,
      });
      const end = await call(b, 'POST', `/api/v1/listings/${ended}/end`, { reason: REASON });
      expect(end.json()).toMatchObject({ status: 'ended', extension: null });
      expect(history(end.json()).slice(-2)).toEqual(
        expect.arrayContaining([
          ['end', REASON],
          ['extension_withdrawn', 'Eintrag beendet / entry ended'],
        ]),
      );

      const expiring = await listing('Krämer', '2026-01-25');
      await call(a, 'POST', `/api/v1/listings/${expiring}/extension`, {
        validUntil: '2026-12-31',
        reason: REASON,
      });
      t.clock.set(new Date('2026-01-25T23:00:00Z')); // 00:00 on 26 January in Berlin
      await t.services.retention.run();
      const [d, e] = [await registrar(), await registrar()];
      const expired = (await call(d, 'GET', `/api/v1/listings/${expiring}`)).json();
      expect(expired).toMatchObject({
        status: 'expired',
        validUntil: '2026-01-25',
        extension: null,
      });
      expect(history(expired).slice(-2)).toEqual(
        expect.arrayContaining([
          ['expire', null],
          ['extension_withdrawn', 'Eintrag abgelaufen / entry expired'],
        ]),
      );
      expect(expired.history.at(-1).actor).toBeNull();
      // Nobody can confirm it any more, and the audit trail names the system and the reason.
      const confirm = await call(e, 'POST', `/api/v1/listings/${expiring}/extension/confirm`);
      expect(confirm.statusCode).toBe(409);
      const events = rowsOf<{ actor_id: string | null; purpose: string; details: object }>(
        await t.database.db.execute(sql`
          SELECT actor_id, purpose, details FROM audit_events
          WHERE action = 'listing.extension_withdrawn' AND subject_id = ${expiring}`),
      );
      expect(events).toEqual([
        {
          actor_id: null,
          purpose: 'Eintrag abgelaufen / entry expired',
          details: { validUntil: '2026-12-31' },
        },
      ]);
    });

    it('flags a restriction whose decide-by date has passed on the start page and the listing', async () => {
      // The clock moved on by days above: everyone signs in again.
      const user = async (roles: ('reporter' | 'registrar')[]) =>
        (await signIn(t.app, await createTestUser(t, { roles }))).cookie;
      [reporter, a, b] = [
        await user(['reporter']),
        await user(['reporter', 'registrar']),
        await user(['reporter', 'registrar']),
      ];
      const id = await listing('Jansen');
      await call(a, 'POST', `/api/v1/listings/${id}/restriction`, {
        until: '2026-02-10',
        reason: 'Person bestreitet den Vorfall schriftlich',
      });
      let cookie = a;
      const overdue = async () =>
        (await call(cookie, 'GET', '/api/v1/listings/due')).json().restrictionsOverdue as {
          id: string;
          restrictedUntil: string;
        }[];
      expect((await overdue()).map((l) => l.id)).not.toContain(id);
      expect((await call(a, 'GET', `/api/v1/listings/${id}`)).json().restrictionOverdue).toBe(
        false,
      );

      t.clock.set(new Date('2026-02-11T08:00:00Z')); // the sessions of before have timed out
      cookie = await user(['reporter', 'registrar']);
      expect(await overdue()).toContainEqual(
        expect.objectContaining({ id, restricted: true, restrictedUntil: '2026-02-10' }),
      );
      expect((await call(cookie, 'GET', `/api/v1/listings/${id}`)).json().restrictionOverdue).toBe(
        true,
      );

      await call(cookie, 'POST', `/api/v1/listings/${id}/restriction/lift`, {
        reason: 'Vorfall durch Polizeibericht bestätigt',
      });
      expect((await overdue()).map((l) => l.id)).not.toContain(id);
    });
  });
}
