import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.js';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

const admin = {
  username: 'admin',
  displayName: 'Erste Administratorin',
  password: 'ein langes Passwort 2026',
};

function tokenOf(url: string) {
  const match = /#token=([A-Za-z0-9_-]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`no token in ${url}`);
  return match[1];
}

for (const target of engines) {
  describe.skipIf(target.skip)(`first-run setup ${engineTitle(target)}`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp({ engine: target.engine });
    });
    afterEach(async () => {
      await t?.close();
    });

    const createAdmin = (body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/setup/admin', payload: body });

    it('prints a one-time link that creates the first administrator, who can then sign in', async () => {
      expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ required: true });
      const link = await t.services.setup.issueSetupLinkIfRequired();
      expect(link?.url).toMatch(/^http:\/\/localhost:3000\/setup#token=[A-Za-z0-9_-]{43}$/);

      const created = await createAdmin({ token: tokenOf(link!.url), ...admin });
      expect(created.statusCode).toBe(201);
      expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ required: false });

      const signIn = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: admin.username, password: admin.password },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().user).toMatchObject({
        displayName: admin.displayName,
        roles: ['admin', 'reporter'],
      });
      expect(await t.services.setup.issueSetupLinkIfRequired()).toBeNull();

      const [created_event] = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'user.created'));
      expect(created_event).toMatchObject({
        subjectType: 'user',
        details: { roles: ['admin', 'reporter'] },
      });
    });

    it('works only once', async () => {
      const link = await t.services.setup.issueSetupLinkIfRequired();
      expect((await createAdmin({ token: tokenOf(link!.url), ...admin })).statusCode).toBe(201);
      const again = await createAdmin({ token: tokenOf(link!.url), ...admin, username: 'admin2' });
      expect(again.statusCode).toBe(400);
      expect(again.json()).toMatchObject({
        code: 'setup.token_invalid',
        errors: [{ field: 'token' }],
      });
    });

    it('expires after one hour', async () => {
      const link = await t.services.setup.issueSetupLinkIfRequired();
      t.clock.advance(60 * 60_000);
      const late = await createAdmin({ token: tokenOf(link!.url), ...admin });
      expect(late.statusCode).toBe(400);
      expect(late.json().code).toBe('setup.token_invalid');
      expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ required: true });
    });

    it('replaces an earlier link when the server starts again', async () => {
      const first = await t.services.setup.issueSetupLinkIfRequired();
      const second = await t.services.setup.issueSetupLinkIfRequired();
      expect((await createAdmin({ token: tokenOf(first!.url), ...admin })).statusCode).toBe(400);
      expect((await createAdmin({ token: tokenOf(second!.url), ...admin })).statusCode).toBe(201);
    });

    it('refuses a random token', async () => {
      await t.services.setup.issueSetupLinkIfRequired();
      const response = await createAdmin({ token: 'x'.repeat(43), ...admin });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('setup.token_invalid');
    });

    it('names each bad field in German and English and keeps the link usable', async () => {
      const link = await t.services.setup.issueSetupLinkIfRequired();
      const response = await createAdmin({
        token: tokenOf(link!.url),
        username: 'A B',
        displayName: 'Admin',
        password: 'kurz',
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe('request.invalid');
      const byField = Object.fromEntries(body.errors.map((e: { field: string }) => [e.field, e]));
      expect(byField.password).toMatchObject({
        code: 'too_short',
        message: {
          de: 'Feld „password“ muss mindestens 12 Zeichen lang sein.',
          en: "Field 'password' must be at least 12 characters long.",
        },
      });
      expect(byField.username).toMatchObject({ code: 'invalid_format' });
      expect((await createAdmin({ token: tokenOf(link!.url), ...admin })).statusCode).toBe(201);
    });

    it('refuses a common password, naming the field', async () => {
      const link = await t.services.setup.issueSetupLinkIfRequired();
      const common = await createAdmin({
        token: tokenOf(link!.url),
        ...admin,
        password: 'Password2024!!',
      });
      expect(common.statusCode).toBe(400);
      expect(common.json()).toMatchObject({
        code: 'password.too_common',
        errors: [{ field: 'password' }],
      });
      expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ required: true });
    });

    it('accepts a 128-character password and refuses 129', async () => {
      const link = await t.services.setup.issueSetupLinkIfRequired();
      const long = 'Ein Satz, der sich wiederholt. '.repeat(5).slice(0, 128);
      expect(long).toHaveLength(128);
      const tooLong = await createAdmin({
        token: tokenOf(link!.url),
        ...admin,
        password: `${long}x`,
      });
      expect(tooLong.json().errors).toEqual([
        expect.objectContaining({ field: 'password', code: 'too_long' }),
      ]);
      const longest = await createAdmin({
        token: tokenOf(link!.url),
        ...admin,
        password: long,
      });
      expect(longest.json()).toEqual({ username: admin.username });
    });
  });
}
