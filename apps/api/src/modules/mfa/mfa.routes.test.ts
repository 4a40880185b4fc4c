import { desc, eq } from 'drizzle-orm';
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
import { userFactors } from './mfa.table.js';
import { totpCode } from './totp.js';

for (const target of engines) {
  describe.skipIf(target.skip)(`second factor ${engineTitle(target)}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
      url: string,
      payload?: object,
    ) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const cookieOf = (response: { cookies: { name: string; value: string }[] }) => {
      const c = response.cookies.find((x) => x.name === 'zemag_session');
      return c ? `zemag_session=${c.value}` : null;
    };
    async function actions(userId: string) {
      const rows = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, userId))
        .orderBy(desc(auditEvents.seq));
      return rows;
    }

    it('lets a role without the requirement work right after the password', async () => {
      const who = await createTestUser(t, { roles: ['reporter'] });
      const { response } = await signIn(t.app, who, { secondFactor: false });
      expect(response.json()).toMatchObject({
        user: { abilities: ['incident.report', 'incident.read_own'] },
        mfa: { required: false, satisfied: true, method: null },
      });
    });

    it('leads an administrator through app enrolment at the first sign-in, then grants abilities', async () => {
      const who = await createTestUser(t, { roles: ['admin'], secondFactor: 'none' });
      const first = await signIn(t.app, who, { secondFactor: false });
      expect(first.response.json()).toMatchObject({
        user: { abilities: [] },
        mfa: { required: true, satisfied: false, enrolled: { totp: false, webauthn: 0 } },
      });
      const refused = await call(first.cookie, 'GET', '/api/v1/users');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('auth.second_factor_required');

      const started = await call(first.cookie, 'POST', '/api/v1/me/factors/totp');
      expect(started.statusCode).toBe(200);
      expect(started.headers['cache-control']).toBe('no-store');
      const enrolment = started.json();
      expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(enrolment.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
      // stored encrypted, never as the base32 text
      const [row] = await t.database.db
        .select()
        .from(userFactors)
        .where(eq(userFactors.id, enrolment.factorId));
      expect(row?.secret).not.toContain(enrolment.secret);
      expect(row?.confirmedAt).toBeNull();

      const wrong = await call(first.cookie, 'POST', '/api/v1/me/factors/totp/confirm', {
        factorId: enrolment.factorId,
        code: totpCode(enrolment.secret, new Date(t.clock.now().getTime() + 5 * 60_000)),
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'mfa.invalid_code', errors: [{ field: 'code' }] });

      const confirmed = await call(first.cookie, 'POST', '/api/v1/me/factors/totp/confirm', {
        factorId: enrolment.factorId,
        code: totpCode(enrolment.secret, t.clock.now()),
        label: 'Diensthandy',
      });
      expect(confirmed.statusCode).toBe(200);
      const body = confirmed.json();
      expect(body.recoveryCodes).toHaveLength(10);
      expect(body.session).toMatchObject({
        user: { abilities: expect.arrayContaining(['user.manage']) },
        mfa: { satisfied: true, method: 'totp', enrolled: { totp: true }, recoveryCodesLeft: 10 },
      });
      // the session id changes when the factor is proven; the old one opens nothing
      const rotated = cookieOf(confirmed)!;
      expect(rotated).not.toBe(first.cookie);
      expect((await call(first.cookie, 'GET', '/api/v1/session')).statusCode).toBe(401);
      expect((await call(rotated, 'GET', '/api/v1/users')).statusCode).toBe(200);
      const list = await call(rotated, 'GET', '/api/v1/me/factors');
      expect(list.json()).toMatchObject({
        factors: [{ kind: 'totp', label: 'Diensthandy' }],
        recoveryCodesLeft: 10,
      });
      expect((await actions(who.user.id)).map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'mfa.factor_enrolled',
          'mfa.recovery_codes_generated',
          'auth.second_factor',
        ]),
      );
    });

    it('counts enrolment complete only once the recovery codes are confirmed as kept, whatever is reloaded', async () => {
      const who = await createTestUser(t, { roles: ['admin'], secondFactor: 'none' });
      const first = await signIn(t.app, who, { secondFactor: false });
      const started = (await call(first.cookie, 'POST', '/api/v1/me/factors/totp')).json();
      const confirmed = await call(first.cookie, 'POST', '/api/v1/me/factors/totp/confirm', {
        factorId: started.factorId,
        code: totpCode(started.secret, t.clock.now()),
      });
      expect(confirmed.json().session.mfa).toMatchObject({
        satisfied: true,
        recoveryCodesUnconfirmed: true,
      });
      const cookie = cookieOf(confirmed)!;
      // A reload reads the session again: the codes are still to be confirmed.
      const reloaded = await call(cookie, 'GET', '/api/v1/session');
      expect(reloaded.json().mfa).toMatchObject({ recoveryCodesUnconfirmed: true });
      // New codes (the old ones are never shown again) are to be confirmed too.
      const renewed = await call(cookie, 'POST', '/api/v1/me/recovery-codes');
      expect(renewed.json().recoveryCodes).toHaveLength(10);
      expect((await call(cookie, 'GET', '/api/v1/session')).json().mfa).toMatchObject({
        recoveryCodesUnconfirmed: true,
      });

      const kept = await call(cookie, 'POST', '/api/v1/me/recovery-codes/confirmation');
      expect(kept.statusCode).toBe(200);
      expect(kept.json().mfa).toMatchObject({
        satisfied: true,
        recoveryCodesUnconfirmed: false,
        recoveryCodesLeft: 10,
      });
      expect((await call(cookie, 'GET', '/api/v1/session')).json().mfa).toMatchObject({
        recoveryCodesUnconfirmed: false,
      });
      const [event] = await actions(who.user.id);
      expect(event).toMatchObject({
        action: 'mfa.recovery_codes_confirmed',
        details: { count: 10 },
      });
      // Confirming again changes nothing and records nothing.
      expect(
        (await call(cookie, 'POST', '/api/v1/me/recovery-codes/confirmation')).statusCode,
      ).toBe(200);
      expect((await actions(who.user.id))[0]!.seq).toBe(event!.seq);
    });

    it('asks for the code at the next sign-in, refuses a replayed and a wrong code', async () => {
      const who = await createTestUser(t, { roles: ['field'] });
      const pending = await signIn(t.app, who, { secondFactor: false });
      expect(pending.response.json().mfa).toMatchObject({ required: true, satisfied: false });
      const code = nextTotpCode(who.totp!);
      const ok = await call(pending.cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'totp',
        code,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user.abilities).toContain('register.lookup');
      const [event] = await actions(who.user.id);
      expect(event).toMatchObject({ action: 'auth.second_factor', details: { factor: 'totp' } });

      const again = await signIn(t.app, who, { secondFactor: false });
      const replay = await call(again.cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'totp',
        code,
      });
      expect(replay.statusCode).toBe(401);
      expect(replay.json().code).toBe('mfa.code_reused');
      const wrong = await call(again.cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'totp',
        code: code === '000000' ? '111111' : '000000',
      });
      expect(wrong.json().code).toBe('mfa.invalid_code');
      expect((await actions(who.user.id))[0]).toMatchObject({
        action: 'auth.second_factor_failed',
        details: { factor: 'totp', reason: 'mfa.invalid_code' },
      });
      // a session waiting for its factor cannot add a factor of its own choosing
      const sneaky = await call(again.cookie, 'POST', '/api/v1/me/factors/totp');
      expect(sneaky.statusCode).toBe(403);
      expect(sneaky.json().code).toBe('mfa.enrolment_not_allowed');
    });

    it('slows down guessing with the injected clock, like wrong passwords', async () => {
      const who = await createTestUser(t, { roles: ['dpo'] });
      const { cookie } = await signIn(t.app, who, { secondFactor: false });
      const guess = () =>
        call(cookie, 'POST', '/api/v1/session/second-factor', { method: 'totp', code: '999999' });
      for (let i = 0; i < 6; i += 1) expect((await guess()).statusCode).toBe(401);
      const blocked = await guess();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('mfa.throttled');
      expect(blocked.headers['retry-after']).toBe('1');
      t.clock.advance(1000);
      const ok = await call(cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'totp',
        code: nextTotpCode(who.totp!),
      });
      expect(ok.statusCode).toBe(200);
    });

    it('accepts each recovery code once and counts what is left', async () => {
      const who = await createTestUser(t, { roles: ['registrar'] });
      const [code] = who.totp!.recoveryCodes;
      const first = await signIn(t.app, who, { secondFactor: false });
      const used = await call(first.cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'recovery_code',
        code: code!.toUpperCase(),
      });
      expect(used.statusCode).toBe(200);
      expect(used.json().mfa).toMatchObject({
        satisfied: true,
        method: 'recovery_code',
        recoveryCodesLeft: 9,
      });
      expect((await actions(who.user.id)).map((e) => e.action)).toContain('mfa.recovery_code_used');
      const second = await signIn(t.app, who, { secondFactor: false });
      const reused = await call(second.cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'recovery_code',
        code,
      });
      expect(reused.statusCode).toBe(401);

      // new codes replace the old ones
      const full = cookieOf(used)!;
      const fresh = await call(full, 'POST', '/api/v1/me/recovery-codes');
      expect(fresh.json().recoveryCodes).toHaveLength(10);
      const old = await call(second.cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'recovery_code',
        code: who.totp!.recoveryCodes[1],
      });
      expect(old.statusCode).toBe(401);
      const renewed = await call(second.cookie, 'POST', '/api/v1/session/second-factor', {
        method: 'recovery_code',
        code: fresh.json().recoveryCodes[0],
      });
      expect(renewed.statusCode).toBe(200);
    });

    it('lets an administrator revoke a lost factor: the user’s sessions end, another user’s id is refused', async () => {
      const admin = await createTestUser(t, { roles: ['admin'] });
      const adminCookie = (await signIn(t.app, admin)).cookie;
      const who = await createTestUser(t, { roles: ['control_room'] });
      const other = await createTestUser(t, { roles: ['control_room'] });
      const session = (await signIn(t.app, who)).cookie;
      const listed = await call(adminCookie, 'GET', `/api/v1/users/${who.user.id}/factors`);
      expect(listed.statusCode).toBe(200);
      const [factor] = listed.json().factors;
      expect(factor).toMatchObject({ kind: 'totp' });
      expect(JSON.stringify(listed.json())).not.toContain(who.totp!.secret);

      const wrongUser = await call(
        adminCookie,
        'DELETE',
        `/api/v1/users/${other.user.id}/factors/${factor.id}`,
      );
      expect(wrongUser.statusCode).toBe(404);
      expect(wrongUser.json().code).toBe('mfa.factor_not_found');
      expect((await call(session, 'GET', '/api/v1/session')).statusCode).toBe(200);

      const revoked = await call(
        adminCookie,
        'DELETE',
        `/api/v1/users/${who.user.id}/factors/${factor.id}`,
      );
      expect(revoked.statusCode).toBe(204);
      expect((await call(session, 'GET', '/api/v1/session')).statusCode).toBe(401);
      expect((await actions(who.user.id))[0]).toMatchObject({
        action: 'mfa.factor_revoked',
        actorId: admin.user.id,
        details: { byAdmin: true, lastFactor: true },
      });
      // next sign-in: enrol anew
      const next = await signIn(t.app, { ...who, totp: undefined }, { secondFactor: false });
      expect(next.response.json().mfa).toMatchObject({
        satisfied: false,
        enrolled: { totp: false, webauthn: 0 },
        recoveryCodesLeft: 0,
      });
      // a non-administrator is refused
      const own = await call(session, 'GET', `/api/v1/users/${who.user.id}/factors`);
      expect(own.statusCode).toBe(401);
    });

    it('keeps a user from removing their last required factor, but not a second one', async () => {
      const who = await createTestUser(t, { roles: ['admin'] });
      const { cookie } = await signIn(t.app, who);
      const [factor] = (await call(cookie, 'GET', '/api/v1/me/factors')).json().factors;
      const last = await call(cookie, 'DELETE', `/api/v1/me/factors/${factor.id}`);
      expect(last.statusCode).toBe(409);
      expect(last.json().code).toBe('mfa.last_factor');

      const started = (await call(cookie, 'POST', '/api/v1/me/factors/totp')).json();
      const second = await call(cookie, 'POST', '/api/v1/me/factors/totp/confirm', {
        factorId: started.factorId,
        code: totpCode(started.secret, t.clock.now()),
      });
      expect(second.statusCode).toBe(200);
      expect(second.json().recoveryCodes).toBeNull();
      const renamed = await call(cookie, 'PATCH', `/api/v1/me/factors/${started.factorId}`, {
        label: 'Tablet',
      });
      expect(renamed.statusCode).toBe(204);
      const removed = await call(cookie, 'DELETE', `/api/v1/me/factors/${factor.id}`);
      expect(removed.statusCode).toBe(204);
      const list = (await call(cookie, 'GET', '/api/v1/me/factors')).json();
      expect(list.factors).toMatchObject([{ id: started.factorId, label: 'Tablet' }]);
    });
  });
}
