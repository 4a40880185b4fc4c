import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.js';
import {
  authorisedTestDepartment,
  buildTestApp,
  createTestUser,
  signIn,
  type TestApp,
} from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

const tokenOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;

for (const target of engines) {
  describe.skipIf(target.skip)(`activation links ${engineTitle(target)}`, () => {
    let t: TestApp;
    let admin: string;
    let adminUser: Awaited<ReturnType<typeof createTestUser>>;
    let departmentCode: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine, env: { ZEMAG_ACTIVATION_LINK_HOURS: '48' } });
      adminUser = await createTestUser(t, { roles: ['admin', 'reporter'] });
      admin = (await signIn(t.app, adminUser)).cookie;
      departmentCode = (await authorisedTestDepartment(t.database)).code;
    });
    afterAll(async () => {
      await t?.close();
    });

    let counter = 0;
    async function create() {
      counter += 1;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin },
        payload: { username: `neu${counter}`, displayName: `Neu ${counter}`, departmentCode },
      });
      expect(response.statusCode).toBe(201);
      return response.json();
    }
    const activate = (token: string, password = 'mein eigenes Passwort 2026') =>
      t.app.inject({ method: 'POST', url: '/api/v1/activation', payload: { token, password } });
    const reissue = (id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${id}/activation-link`,
        headers: { cookie: admin },
      });

    it('creates an account without a password and refuses a password from the administrator', async () => {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin },
        payload: {
          username: 'mit.passwort',
          displayName: 'Mit Passwort',
          departmentCode,
          password: 'ein Passwort der Administration',
        },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ errors: [{ code: 'unknown_field' }] });
      expect(refused.json().errors[0].message.de).toContain('password');
      const user = await create();
      expect(user).toMatchObject({ hasPassword: false, activated: false });
      const link = new URL(user.activationLink.url);
      expect(link.pathname).toBe('/activate');
      expect(link.search).toBe('');
      expect(tokenOf(user.activationLink.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(user.activationLink.expiresAt) - t.clock.now().getTime()).toBe(
        48 * 3_600_000,
      );
      // the link is shown once: reading the account again does not show it
      const again = await t.app.inject({
        url: `/api/v1/users/${user.id}`,
        headers: { cookie: admin },
      });
      expect(again.body).not.toContain(tokenOf(user.activationLink.url));
    });

    it('lets the employee set their password once; the link does not work a second time', async () => {
      const user = await create();
      const token = tokenOf(user.activationLink.url);
      const weak = await activate(token, 'short');
      expect(weak.statusCode).toBe(400);
      expect(weak.json()).toMatchObject({ errors: [{ field: 'password' }] });
      expect((await activate(token)).json()).toEqual({ username: user.username });
      const second = await activate(token, 'ein anderes Passwort 2026');
      expect(second.statusCode).toBe(400);
      expect(second.json()).toMatchObject({
        code: 'activation.token_invalid',
        errors: [{ field: 'token' }],
      });
      await signIn(t.app, { username: user.username, password: 'mein eigenes Passwort 2026' });
      // an activated account gets no new link: that would be an administrator's password reset
      const late = await reissue(user.id);
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('activation.already_activated');
      const actions = (
        await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id))
      ).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['user.created', 'user.activation_link_issued', 'user.activated']),
      );
    });

    it('refuses an expired link', async () => {
      const user = await create();
      t.clock.advance(48 * 3_600_000 + 1000);
      const expired = await activate(tokenOf(user.activationLink.url));
      expect(expired.statusCode).toBe(400);
      expect(expired.json().code).toBe('activation.token_invalid');
      // two days later the administrator signs in again and issues a new link
      admin = (await signIn(t.app, adminUser)).cookie;
      const fresh = await reissue(user.id);
      expect(fresh.statusCode).toBe(201);
      expect((await activate(tokenOf(fresh.json().url))).statusCode).toBe(200);
    });

    it('a re-issued link replaces the earlier one, audited', async () => {
      const user = await create();
      const first = tokenOf(user.activationLink.url);
      const response = await reissue(user.id);
      expect(response.statusCode).toBe(201);
      const second = tokenOf(response.json().url);
      expect(second).not.toBe(first);
      expect((await activate(first)).statusCode).toBe(400);
      expect((await activate(second)).statusCode).toBe(200);
      const reissued = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, user.id))
        // linking after commit rewrites rows, so the table's order is not the events' order
        .orderBy(auditEvents.seq);
      expect(
        reissued.filter((e) => e.action === 'user.activation_link_issued').map((e) => e.details),
      ).toEqual([
        expect.objectContaining({ reissued: false }),
        expect.objectContaining({ reissued: true }),
      ]);
      // no token or its hash ever reaches the audit log
      expect(JSON.stringify(reissued)).not.toContain(second);
    });

    it('one link opened eight times at once sets one password, and that one only', async () => {
      const user = await create();
      const token = tokenOf(user.activationLink.url);
      const passwords = Array.from({ length: 8 }, (_, i) => `paralleles Passwort Nummer ${i}`);
      const answers = await Promise.all(passwords.map((p) => activate(token, p)));
      const winners = answers.flatMap((a, i) => (a.statusCode === 200 ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(answers.filter((a) => a.statusCode === 400)).toHaveLength(7);
      const username = user.username as string;
      const signIn = (password: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
      const loser = passwords.find((_, i) => i !== winners[0])!;
      expect((await signIn(loser)).statusCode).toBe(401);
      expect((await signIn(passwords[winners[0]!]!)).statusCode).toBe(200);
      const activated = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, user.id));
      expect(activated.filter((e) => e.action === 'user.activated')).toHaveLength(1);
    });

    it('refuses hostile text in the password and the token, naming the field', async () => {
      const user = await create();
      const token = tokenOf(user.activationLink.url);
      for (const password of ['Pass\u0000wort lang genug', 'Passwort \ud800 lang genug']) {
        const answer = await activate(token, password);
        expect(answer.statusCode).toBe(400);
        expect(answer.json()).toMatchObject({
          errors: [{ field: 'password', code: 'invalid_characters' }],
        });
      }
      const long = await activate(token, 'x'.repeat(10_000));
      expect(long.statusCode).toBe(400);
      expect(long.json()).toMatchObject({ errors: [{ field: 'password' }] });
      expect((await activate(`${token}\u202e`)).statusCode).toBe(400);
      // none of these used the link up
      expect(
        (await activate(token, 'Passwort mit Akzent é\u0301 und \u05d0\u05d1')).statusCode,
      ).toBe(200);
    });

    it('refuses a malformed token and unknown fields, naming them', async () => {
      const short = await activate('kurz');
      expect(short.statusCode).toBe(400);
      expect(short.json()).toMatchObject({ errors: [{ field: 'token' }] });
      const extra = await t.app.inject({
        method: 'POST',
        url: '/api/v1/activation',
        payload: { token: 'x'.repeat(43), password: 'mein eigenes Passwort 2026', userId: 'a' },
      });
      expect(extra.statusCode).toBe(400);
    });
  });
}
