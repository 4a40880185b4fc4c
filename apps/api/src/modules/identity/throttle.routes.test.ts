import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.js';
import {
  buildTestApp,
  createTestUser,
  nextTotpCode,
  signIn,
  type TestApp,
} from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { FREE_ATTEMPTS } from './throttle.policy.js';

/** Attempts that may reach the password check: the free ones and the one that starts the wait. */
const CHECKS_ALLOWED = FREE_ATTEMPTS.account + 1;
const PARALLEL = 50;

for (const target of engines) {
  describe.skipIf(target.skip)(`throttles under parallel attempts ${engineTitle(target)}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
    });
    afterAll(async () => {
      await t?.close();
    });

    /** How often the server checked a secret of this user, by its audit events. */
    async function checks(userId: string, actions: string[]) {
      const rows = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, userId), inArray(auditEvents.action, actions)));
      return rows[0]?.n ?? 0;
    }

    function tally(statuses: number[]) {
      const counts: Record<number, number> = {};
      for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
      return counts;
    }

    it('checks at most six passwords of 50 sent at once, and refuses the right one after them', async () => {
      const who = await createTestUser(t);
      // Each attempt from its own address: only the account's count can stop them. The
      // right password comes last, when the account must already wait.
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/session',
            remoteAddress: `10.71.0.${i + 1}`,
            payload: {
              username: who.username,
              password: i === PARALLEL - 1 ? who.password : `falsches Passwort ${i}`,
            },
          }),
        ),
      );
      const counts = tally(responses.map((r) => r.statusCode));
      expect(counts).toEqual({ 401: CHECKS_ALLOWED, 429: PARALLEL - CHECKS_ALLOWED });
      expect(responses.at(-1)?.json().code).toBe('auth.throttled');
      expect(await checks(who.user.id, ['auth.sign_in_failed', 'auth.sign_in'])).toBe(
        CHECKS_ALLOWED,
      );
    });

    it('holds for unknown names and one address as well', async () => {
      const before = await t.database.db.$count(
        auditEvents,
        eq(auditEvents.action, 'auth.sign_in_failed'),
      );
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/session',
            remoteAddress: '10.72.0.1',
            payload: { username: 'gibt.es.nicht', password: 'falsches Passwort!' },
          }),
        ),
      );
      expect(tally(responses.map((r) => r.statusCode))).toEqual({
        401: CHECKS_ALLOWED,
        429: PARALLEL - CHECKS_ALLOWED,
      });
      const after = await t.database.db.$count(
        auditEvents,
        eq(auditEvents.action, 'auth.sign_in_failed'),
      );
      expect(after - before).toBe(CHECKS_ALLOWED);
    });

    it('gives a successful sign-in its attempt back: an office signs in all day from one address', async () => {
      const who = await createTestUser(t);
      for (let i = 0; i < FREE_ATTEMPTS.client + 5; i++) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: '10.73.0.1',
          payload: { username: who.username, password: who.password },
        });
        expect(response.statusCode).toBe(200);
      }
    });

    it('checks at most six second-factor codes of 50 sent at once, and refuses the right one after them', async () => {
      const who = await createTestUser(t, { roles: ['field'] });
      const { cookie } = await signIn(t.app, who, { secondFactor: false });
      const actions = ['auth.second_factor_failed', 'auth.second_factor'];
      const before = await checks(who.user.id, actions); // the enrolment proved one
      const right = nextTotpCode(who.totp!);
      const wrong = right === '000000' ? '111111' : '000000';
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/session/second-factor',
            headers: { cookie },
            payload: { method: 'totp', code: i === PARALLEL - 1 ? right : wrong },
          }),
        ),
      );
      expect(tally(responses.map((r) => r.statusCode))).toEqual({
        401: CHECKS_ALLOWED,
        429: PARALLEL - CHECKS_ALLOWED,
      });
      expect(responses.at(-1)?.json().code).toBe('mfa.throttled');
      expect((await checks(who.user.id, actions)) - before).toBe(CHECKS_ALLOWED);
    });

    it('checks at most six recovery codes of 50 sent at once', async () => {
      const who = await createTestUser(t, { roles: ['registrar'] });
      const { cookie } = await signIn(t.app, who, { secondFactor: false });
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/session/second-factor',
            headers: { cookie },
            payload: {
              method: 'recovery_code',
              code: i === PARALLEL - 1 ? who.totp!.recoveryCodes[0] : 'aaaaa-bbbbb',
            },
          }),
        ),
      );
      expect(tally(responses.map((r) => r.statusCode))).toEqual({
        401: CHECKS_ALLOWED,
        429: PARALLEL - CHECKS_ALLOWED,
      });
    });

    it('keeps the audit chain intact through all of the above', async () => {
      expect(await t.services.audit.verify({ db: t.database.db })).toMatchObject({ ok: true });
    });
  });
}
