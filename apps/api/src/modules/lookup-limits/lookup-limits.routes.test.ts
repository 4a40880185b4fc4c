import { and, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { createFixtureRegistrar, loadFixturePersons } from '../lookup/lookup.fixtures.js';

const PURPOSE = { fileNumber: 'VD-2026/17', reason: 'enforcement' };
/** 100 in a row (the smallest burst allowed), one back per minute. */
const LIMIT = { ZEMAG_LOOKUP_RATE_BURST: '100', ZEMAG_LOOKUP_RATE_PER_HOUR: '60' };

/** A visit list of `n` names, each one look-up. */
const visitList = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Meyer, Hans, ${String((i % 28) + 1).padStart(2, '0')}.05.1980`,
  ).join('\n');

for (const target of engines) {
  describe.skipIf(target.skip)(`look-up rate limit per user ${engineTitle(target)}`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine, env: LIMIT });
      const { userId } = await createFixtureRegistrar({ db: t.database.db });
      await loadFixturePersons({
        db: t.database.db,
        registrarId: userId,
        people: [
          {
            familyName: 'Meyer',
            givenNames: 'Hans',
            dateOfBirth: '1980-05-17',
            listing: { status: 'active' },
          },
        ],
      });
    });
    afterAll(async () => {
      await t?.close();
    });

    const fieldCookie = async () =>
      (await signIn(t.app, await createTestUser(t, { roles: ['reporter', 'field'] }))).cookie;
    const lookUp = (cookie: string, body: Record<string, unknown> = {}, app = t.app) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/lookups',
        headers: { cookie },
        payload: { purpose: PURPOSE, familyName: 'Meyer', givenNames: 'Hans', ...body },
      });
    const check = (cookie: string, text: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/visit-lists',
        headers: { cookie },
        payload: { purpose: PURPOSE, text },
      });
    const lastSeq = async () => {
      const events = await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents);
      return Math.max(0, ...events.map((e) => e.seq));
    };
    const actionsSince = async (seq: number) =>
      (
        await t.database.db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(
            and(
              gt(auditEvents.seq, seq),
              inArray(auditEvents.action, ['register.lookup', 'register.lookup_throttled']),
            ),
          )
          .orderBy(auditEvents.seq)
      ).map((e) => e.action);

    it('of 30 look-ups sent at once with 10 left, exactly 10 are answered and 20 get 429 with the wait in German and English', async () => {
      const field = await fieldCookie();
      // 90 entries (the unreadable line costs nothing) spend 90 of the 100.
      const list = await check(field, `${visitList(90)}\n1980`);
      expect(list.statusCode).toBe(200);
      const before = await lastSeq();

      const answers = await Promise.all(Array.from({ length: 30 }, () => lookUp(field)));
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);

      const refused = answers.find((a) => a.statusCode === 429)!;
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      // none left: the next one comes back in a minute (the test clock stands at 09:00 in Köln)
      expect(refused.headers['retry-after']).toBe('60');
      const problem = refused.json();
      expect(problem).toMatchObject({ status: 429, code: 'lookup.rate_limited', retryAfter: 60 });
      expect(problem.detail.de).toContain(
        'Die nächste Abfrage ist in 1 Minute (um 09:01 Uhr) möglich.',
      );
      expect(problem.detail.en).toContain('The next look-up is possible in 1 minute (at 09:01).');
      expect(JSON.stringify(problem)).not.toContain('Meyer');

      // Ten look-ups read and audited; the refusals read nothing, and only the first is audited.
      expect((await actionsSince(before)).sort()).toEqual([
        ...Array(10).fill('register.lookup'),
        'register.lookup_throttled',
      ]);
    });

    it('answers again once the wait is over, and audits the first refusal of each run', async () => {
      const field = await fieldCookie();
      expect((await check(field, visitList(100))).statusCode).toBe(200);
      const before = await lastSeq();
      const refused = await lookUp(field);
      expect(refused.statusCode).toBe(429);
      expect((await lookUp(field)).statusCode).toBe(429);

      t.clock.advance(Number(refused.headers['retry-after']) * 1000 - 1000);
      expect((await lookUp(field)).statusCode).toBe(429);
      t.clock.advance(1000);
      expect((await lookUp(field)).statusCode).toBe(200);
      expect((await lookUp(field)).statusCode).toBe(429);
      expect(await actionsSince(before)).toEqual([
        'register.lookup_throttled',
        'register.lookup',
        'register.lookup_throttled',
      ]);
    });

    it('refuses a visit list whole when fewer look-ups are left than it has entries; single look-ups still go', async () => {
      const field = await fieldCookie();
      expect((await check(field, visitList(95))).statusCode).toBe(200);
      const before = await lastSeq();
      const refused = await check(field, visitList(10));
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('300');
      const problem = refused.json();
      expect(problem.code).toBe('visit_list.rate_limited');
      expect(problem.detail.de).toMatch(
        /Diese Liste kann in 5 Minuten \(um \d\d:\d\d Uhr\) geprüft werden/,
      );
      expect(problem.detail.en).toMatch(/This list can be checked in 5 minutes \(at \d\d:\d\d\)/);
      expect(await actionsSince(before)).toEqual(['register.lookup_throttled']);
      for (let i = 0; i < 5; i++) expect((await lookUp(field)).statusCode).toBe(200);
      expect((await lookUp(field)).statusCode).toBe(429);
    });

    it('counts per account, not per address: a colleague on the same network still looks up', async () => {
      const drained = await fieldCookie();
      expect((await check(drained, visitList(100))).statusCode).toBe(200);
      expect((await lookUp(drained)).statusCode).toBe(429);
      expect((await lookUp(await fieldCookie())).statusCode).toBe(200);
    });

    it('does not count input that is refused before anything is read', async () => {
      const field = await fieldCookie();
      expect((await check(field, visitList(99))).statusCode).toBe(200);
      for (const body of [
        { purpose: { ...PURPOSE, reason: 'curiosity' } },
        { familyName: '?!' },
        { purpose: { ...PURPOSE, fileNumber: '-' } },
      ]) {
        const refused = await lookUp(field, body);
        expect(refused.statusCode).toBe(400);
        expect(refused.json().errors[0].field).toMatch(/purpose|familyName/);
      }
      expect((await lookUp(field)).statusCode).toBe(200);
      expect((await lookUp(field)).statusCode).toBe(429);
    });

    it('does not limit registrars at the desk', async () => {
      const registrar = (
        await signIn(t.app, await createTestUser(t, { roles: ['reporter', 'registrar'] }))
      ).cookie;
      expect((await check(registrar, visitList(100))).statusCode).toBe(200);
      expect((await check(registrar, visitList(100))).statusCode).toBe(200);
      expect((await lookUp(registrar)).statusCode).toBe(200);
    });

    it('keeps the budget in the database: a second server instance on it refuses the same user', async () => {
      const field = await fieldCookie();
      expect((await check(field, visitList(100))).statusCode).toBe(200);
      const other = await buildApp({
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...LIMIT }),
        database: t.database,
        clock: t.clock,
      });
      try {
        const refused = await lookUp(field, {}, other.app);
        expect(refused.statusCode).toBe(429);
        expect(refused.json().code).toBe('lookup.rate_limited');
      } finally {
        await other.app.close();
      }
    });
  });
}

describe('look-up rate limit, default settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a field employee checks the largest visit list twice in a row', async () => {
    const field = (await signIn(t.app, await createTestUser(t, { roles: ['reporter', 'field'] })))
      .cookie;
    for (let i = 0; i < 2; i++) {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/visit-lists',
        headers: { cookie: field },
        payload: { purpose: PURPOSE, text: visitList(100) },
      });
      expect(answer.statusCode).toBe(200);
    }
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visit-lists',
      headers: { cookie: field },
      payload: { purpose: PURPOSE, text: visitList(1) },
    });
    expect(third.statusCode).toBe(429);
  });
});
