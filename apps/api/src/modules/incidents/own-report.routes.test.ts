import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

const REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: { description: 'Bürgerbüro, Schalter 3' },
  categories: ['physical_violence'],
  level: 3,
  criminalComplaint: { status: 'yes', fileNumber: '71 Js 99/25' },
  persons: [{ familyName: 'Brandt', givenNames: 'Olaf', dateOfBirth: '1970-02-03' }],
};

type Inject = Awaited<ReturnType<TestApp['app']['inject']>>;

/**
 * The own-report rule (incidents.policy.ts `refuseOwnReport`): a registrar who made a report
 * takes no registrar action on it — review, decision, person suggestions and links, merging a
 * record it is linked to, a listing resting on it (propose, activate, letter, notification).
 * Each is refused with 403 `incident.own_report`, and the same action by another registrar
 * goes through.
 */
for (const target of engines) {
  describe.skipIf(target.skip)(`a registrar's own report ${engineTitle(target)}`, () => {
    let t: TestApp;
    /** The registrar who reported the incident (the victim). */
    let own: string;
    let other: string;
    let third: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      const roles = ['reporter', 'registrar'] as const;
      own = (await signIn(t.app, await createTestUser(t, { roles: [...roles] }))).cookie;
      other = (await signIn(t.app, await createTestUser(t, { roles: [...roles] }))).cookie;
      third = (await signIn(t.app, await createTestUser(t, { roles: [...roles] }))).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const expectOwnReport = (response: Inject) => {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'incident.own_report' });
    };

    /** A report by `reporter`, optionally confirmed by another registrar. */
    async function report(reporter: string, confirmBy: string | null) {
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { cookie: reporter, 'idempotency-key': randomUUID() },
        payload: REPORT,
      });
      expect(submitted.statusCode).toBe(201);
      const { id } = submitted.json<{ id: string }>();
      if (confirmBy) {
        const confirmed = await call(confirmBy, 'POST', `/api/v1/incidents/${id}/decision`, {
          decision: 'confirm',
        });
        expect(confirmed.statusCode).toBe(200);
      }
      const read = await call(confirmBy ?? reporter, 'GET', `/api/v1/incidents/${id}`);
      return read.json<{ id: string; persons: { id: string }[]; actions: string[] }>();
    }
    const linkUrl = (incident: { id: string; persons: { id: string }[] }) =>
      `/api/v1/incidents/${incident.id}/persons/${incident.persons[0]!.id}/link`;
    const create = { create: { familyName: 'Brandt', givenNames: 'Olaf' } };

    it('refuses the review and the decision on an own report; another registrar decides', async () => {
      const incident = await report(own, null);
      expectOwnReport(await call(own, 'POST', `/api/v1/incidents/${incident.id}/review`));
      expectOwnReport(
        await call(own, 'POST', `/api/v1/incidents/${incident.id}/decision`, {
          decision: 'confirm',
        }),
      );
      const review = await call(other, 'POST', `/api/v1/incidents/${incident.id}/review`);
      expect(review.statusCode).toBe(200);
      const decided = await call(other, 'POST', `/api/v1/incidents/${incident.id}/decision`, {
        decision: 'confirm',
      });
      expect(decided.statusCode).toBe(200);
    });

    it('refuses person suggestions and linking or creating a person on an own report; another registrar links', async () => {
      const incident = await report(own, other);
      const ownView = await call(own, 'GET', `/api/v1/incidents/${incident.id}`);
      expect(ownView.json().actions).not.toContain('link_persons');
      const suggestionsUrl = `/api/v1/incidents/${incident.id}/persons/${incident.persons[0]!.id}/suggestions`;
      expectOwnReport(await call(own, 'GET', suggestionsUrl));
      expectOwnReport(await call(own, 'POST', linkUrl(incident), create));

      // Linking an existing record is refused as well.
      const elsewhere = await report(third, other);
      const person = await call(other, 'POST', linkUrl(elsewhere), create);
      expect(person.statusCode).toBe(200);
      expectOwnReport(
        await call(own, 'POST', linkUrl(incident), { personId: person.json().id as string }),
      );

      expect((await call(other, 'GET', suggestionsUrl)).statusCode).toBe(200);
      const linked = await call(other, 'POST', linkUrl(incident), create);
      expect(linked.statusCode).toBe(200);
    });

    it('refuses to merge a person record an own report is linked to; another registrar merges', async () => {
      const incident = await report(own, other);
      const onOwn = (await call(other, 'POST', linkUrl(incident), create)).json<{ id: string }>();
      const elsewhere = await report(third, other);
      const second = (await call(other, 'POST', linkUrl(elsewhere), create)).json<{
        id: string;
      }>();
      const merge = (cookie: string, keepId: string, mergeId: string) =>
        call(cookie, 'POST', `/api/v1/persons/${keepId}/merge`, {
          mergeId,
          reason: 'Dieselbe Person, zweimal angelegt',
        });
      expectOwnReport(await merge(own, second.id, onOwn.id));
      expectOwnReport(await merge(own, onOwn.id, second.id));
      expect((await merge(other, second.id, onOwn.id)).statusCode).toBe(200);
    });

    it('refuses to propose, activate, print the letter of or record the notice of a listing resting on an own report; other registrars do', async () => {
      const incident = await report(own, other);
      const person = (await call(other, 'POST', linkUrl(incident), create)).json<{ id: string }>();
      const proposal = {
        personId: person.id,
        incidentIds: [incident.id],
        reason: 'Körperlicher Angriff am Schalter',
      };
      expectOwnReport(await call(own, 'POST', '/api/v1/listings', proposal));
      const proposed = await call(other, 'POST', '/api/v1/listings', proposal);
      expect(proposed.statusCode).toBe(201);
      const listingId = proposed.json<{ id: string }>().id;

      const ownView = await call(own, 'GET', `/api/v1/listings/${listingId}`);
      expect(ownView.json().actions).toEqual([]);
      expectOwnReport(await call(own, 'POST', `/api/v1/listings/${listingId}/activate`, {}));
      const activated = await call(third, 'POST', `/api/v1/listings/${listingId}/activate`, {});
      expect(activated.statusCode).toBe(200);

      expectOwnReport(await call(own, 'GET', `/api/v1/listings/${listingId}/letter`));
      const notice = { state: 'sent', sentOn: '2026-01-15' };
      expectOwnReport(
        await call(own, 'POST', `/api/v1/listings/${listingId}/notification`, notice),
      );
      const letter = await call(third, 'GET', `/api/v1/listings/${listingId}/letter`);
      expect(letter.statusCode).toBe(200);
      const sent = await call(third, 'POST', `/api/v1/listings/${listingId}/notification`, notice);
      expect(sent.statusCode).toBe(200);
    });
  });
}
