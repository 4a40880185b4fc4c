import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import {
  call,
  listedAtCounter,
  signInCast,
  signedIn,
  type Cast,
} from '../../test-support/register.js';

const FILE_NUMBER = 'OA-2026/0777';

for (const target of engines) {
  describe.skipIf(target.skip)(`the DPO's audit views ${engineTitle(target)}`, () => {
    let t: TestApp;
    let cast: Cast;
    let dpo: string;
    let personId: string;

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      cast = await signInCast(t);
      dpo = await signedIn(t, ['dpo']);
      ({ personId } = await listedAtCounter(t, cast, {
        familyName: 'Przybylski',
        givenNames: 'Konrad',
      }));
      // registrar A looks the person up for a file
      const found = await call(t, cast.registrarA, 'POST', '/api/v1/lookups', {
        purpose: { fileNumber: FILE_NUMBER, reason: 'home_visit' },
        familyName: 'Przybylski',
        givenNames: 'Konrad',
      });
      expect(found.statusCode).toBe(200);
      expect(JSON.stringify(found.json())).toContain(personId);
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    /** A search (`?a=b&…` read as the filter) or, with `.csv`, an export: the filter in the body. */
    const events = (query: string, cookie = dpo) => {
      const [kind, search = ''] = query.startsWith('.csv')
        ? ['export', query.slice(4)]
        : ['search', query];
      const filter = Object.fromEntries(new URLSearchParams(search.replace(/^\?/, '')));
      return call(t, cookie, 'POST', `/api/v1/audit/events/${kind}`, filter);
    };

    it('shows who looked a person up, when, with which file number and reason', async () => {
      const answer = await events(`?person=${personId}`);
      expect(answer.statusCode).toBe(200);
      const lookup = answer
        .json()
        .events.find((e: { action: string }) => e.action === 'register.lookup');
      expect(lookup).toMatchObject({
        fileNumber: FILE_NUMBER,
        actor: { username: expect.stringContaining('registrar') },
        personsShown: expect.any(Number),
      });
      expect(lookup.purpose).toContain(FILE_NUMBER);
      // the person's own events (created, listed) are there too, newest first
      const seqs = answer.json().events.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(
        answer
          .json()
          .events.some((e: { subject: { id: string } | null }) => e.subject?.id === personId),
      ).toBe(true);
    });

    it('shows what one user looked up, and filters by action, purpose and time', async () => {
      const byPerson = (await events(`?person=${personId}&action=register.lookup`)).json();
      const registrarId: string = byPerson.events[0].actor.id;
      const byUser = (await events(`?user=${registrarId}&action=register.`)).json();
      expect(byUser.events.length).toBeGreaterThan(0);
      for (const event of byUser.events) {
        expect(event.actor.id).toBe(registrarId);
        expect(event.action.startsWith('register.')).toBe(true);
      }
      expect((await events(`?purpose=${encodeURIComponent('0777')}`)).json().events).toHaveLength(
        1,
      );
      // % and _ are letters here, not patterns
      expect((await events(`?purpose=${encodeURIComponent('%')}`)).json().events).toEqual([]);
      expect((await events('?from=2999-01-01T00:00:00Z')).json()).toEqual({
        events: [],
        next: null,
      });
    });

    it('pages newest first without gaps or repeats', async () => {
      const all = (await events('?limit=200')).json().events.map((e: { seq: number }) => e.seq);
      expect(all.length).toBeGreaterThan(5);
      const paged: number[] = [];
      let before: number | null = null;
      do {
        const page: { events: { seq: number }[]; next: number | null } = (
          await events(`?limit=2${before ? `&before=${before}` : ''}`)
        ).json();
        paged.push(...page.events.map((e: { seq: number }) => e.seq));
        before = page.next;
      } while (before !== null && paged.length < all.length + 10);
      // the DPO's own reads are audited as they page: compare what existed at the start
      expect(paged.filter((seq) => seq <= all[0])).toEqual(all);
    });

    it('exports the filtered events as CSV, and audits every read and export', async () => {
      const csv = await events(`.csv?person=${personId}&action=register.lookup`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain('Protokoll.csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Nr.;Zeitpunkt;Benutzer;Name;Dienststelle;Aktion;Gegenstand;Gegenstand-ID;Zweck;Aktenzeichen;Angezeigte Personen',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(';register.lookup;');
      expect(lines[1]).toContain(FILE_NUMBER);

      const own = (await events('?action=audit.')).json().events;
      expect(own.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['audit.read', 'audit.export']),
      );
      const exported = own.find((e: { action: string }) => e.action === 'audit.export');
      expect(exported).toMatchObject({
        subject: { type: 'person', id: personId },
        details: { filter: { person: personId, action: 'register.lookup' } },
      });
    });

    it('searches with combining marks and right-to-left text as plain text, and audits parallel searches each', async () => {
      for (const purpose of [
        'e\u0301\u0301\u0301',
        '\u202eOA-2026\u202c',
        'مخالفة',
        'ä'.repeat(100),
      ]) {
        const answer = await events(`?purpose=${encodeURIComponent(purpose)}`);
        expect(answer.statusCode, purpose).toBe(200);
        expect(answer.json().events).toEqual([]);
      }
      const before = (await events('?action=audit.read&limit=200')).json().events.length;
      const parallel = await Promise.all(
        Array.from({ length: 12 }, () => events(`?person=${personId}`)),
      );
      expect(parallel.map((answer) => answer.statusCode)).toEqual(Array(12).fill(200));
      const after = (await events('?action=audit.read&limit=200')).json().events.length;
      // each of the twelve, and the count before it, left its own audit.read event
      expect(after - before).toBe(13);
      expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
    });

    it('is for the data protection officer only', async () => {
      expect((await events('', cast.registrarA)).statusCode).toBe(403);
      expect((await events('.csv', cast.field)).statusCode).toBe(403);
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/v1/audit/events/search', payload: {} }))
          .statusCode,
      ).toBe(401);
    });

    it('names the field of a filter that is not one, in German and English', async () => {
      const cases: [string, string][] = [
        ['?person=Przybylski', 'person'],
        ['?user=1', 'user'],
        ['?action=DROP%20TABLE', 'action'],
        ['?from=gestern', 'from'],
        ['?limit=100000', 'limit'],
        [`?purpose=${'x'.repeat(10_000)}`, 'purpose'],
        ['?purpose=%00', 'purpose'],
      ];
      for (const [query, field] of cases) {
        const answer = await events(query);
        expect(answer.statusCode, query).toBe(400);
        expect(answer.json().errors?.[0]?.field ?? answer.json().code, query).toContain(field);
      }
      // a lone surrogate (JSON can carry one) is refused like U+0000
      const surrogate = await call(t, dpo, 'POST', '/api/v1/audit/events/search', {
        purpose: 'OA\ud800',
      });
      expect(surrogate.statusCode).toBe(400);
      expect(JSON.stringify(surrogate.json())).toContain('purpose');
    });
  });
}
