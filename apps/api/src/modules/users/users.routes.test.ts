import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

for (const target of engines) {
  describe.skipIf(target.skip)(`user administration and grants ${engineTitle(target)}`, () => {
    let t: TestApp;
    let admin1: string;
    let admin2: string;
    let admin1Id: string;
    let admins: Awaited<ReturnType<typeof createTestUser>>[] = [];
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      const a = await createTestUser(t, { roles: ['admin', 'reporter'] });
      const b = await createTestUser(t, { roles: ['admin', 'reporter'] });
      admins = [a, b];
      admin1Id = a.user.id;
      admin1 = (await signIn(t.app, a)).cookie;
      admin2 = (await signIn(t.app, b)).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: object,
    ) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

    let deptCounter = 0;
    async function department(authorised: boolean) {
      deptCounter += 1;
      const response = await call(admin1, 'POST', '/api/v1/departments', {
        code: `50-${deptCounter}`,
        name: `Sozialamt Abteilung ${deptCounter}`,
        parentCode: null,
        phone: `0221 221-50${deptCounter}`,
        lookupAuthorised: authorised,
        lookupAuthorisationReason: authorised ? 'Hausbesuche der Bezirkssozialarbeit' : null,
      });
      expect(response.statusCode).toBe(201);
      return response.json();
    }

    let userCounter = 0;
    async function employee(departmentCode: string) {
      userCounter += 1;
      const response = await call(admin1, 'POST', '/api/v1/users', {
        username: `mitarbeiter${userCounter}`,
        displayName: `Mitarbeiterin ${userCounter}`,
        departmentCode,
      });
      expect(response.statusCode).toBe(201);
      // the employee sets their own password with the one-time link
      const token = new URLSearchParams(new URL(response.json().activationLink.url).hash.slice(1));
      const activated = await t.app.inject({
        method: 'POST',
        url: '/api/v1/activation',
        payload: { token: token.get('token'), password: 'ein langes Passwort für Tests' },
      });
      expect(activated.statusCode).toBe(200);
      return { ...response.json(), password: 'ein langes Passwort für Tests' };
    }

    /** A grant by the first administrator, confirmed by the second (four-eyes). */
    async function grantConfirmed(userId: string, role: string) {
      const granted = await call(admin1, 'POST', `/api/v1/users/${userId}/grants`, { role });
      expect(granted.statusCode).toBe(201);
      if (granted.json().status === 'pending') {
        const confirmed = await call(
          admin2,
          'POST',
          `/api/v1/users/${userId}/grants/${role}/confirm`,
        );
        expect(confirmed.statusCode).toBe(204);
      }
    }

    const abilitiesOf = async (cookie: string) =>
      (await call(cookie, 'GET', '/api/v1/session')).json().user.abilities as string[];

    it('asks every department for a telephone number, naming the field, and keeps it', async () => {
      const base = { code: '51-9', name: 'Jugendamt Bezirk', parentCode: null };
      for (const phone of [undefined, '', 'bitte anrufen', '12', '0221 12345678901234567890']) {
        const refused = await call(admin1, 'POST', '/api/v1/departments', { ...base, phone });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'phone' })]);
      }
      const created = await call(admin1, 'POST', '/api/v1/departments', {
        ...base,
        phone: ' +49 (221) 221-5190 ',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ code: '51-9', phone: '+49 (221) 221-5190' });
      const listed = (await call(admin1, 'GET', '/api/v1/departments')).json();
      expect(listed.departments.find((d: { code: string }) => d.code === '51-9')).toMatchObject({
        phone: '+49 (221) 221-5190',
      });
    });

    it('creates an employee as reporter in their department', async () => {
      const dept = await department(false);
      const user = await employee(dept.code);
      expect(user).toMatchObject({
        roles: ['reporter'],
        pendingRoles: [],
        department: { code: dept.code },
        disabled: false,
      });
      const [event] = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, user.id));
      expect(event).toMatchObject({ action: 'user.created', actorId: admin1Id });
    });

    it('lets a field grant work only while the department is authorised for look-ups', async () => {
      const dept = await department(true);
      const user = await employee(dept.code);
      const before = await signIn(t.app, user);
      expect(
        (await call(admin1, 'POST', `/api/v1/users/${user.id}/grants`, { role: 'field' })).json(),
      ).toEqual({ status: 'pending' });
      // field is a four-eyes role: a second administrator confirms
      expect(
        (await call(admin2, 'POST', `/api/v1/users/${user.id}/grants/field/confirm`)).statusCode,
      ).toBe(204);
      // the grant ends the sessions the user had, so the new abilities apply at once
      expect((await call(before.cookie, 'GET', '/api/v1/session')).statusCode).toBe(401);
      const { cookie } = await signIn(t.app, user);
      expect(await abilitiesOf(cookie)).toContain('register.lookup');

      const withdrawn = await call(admin1, 'PUT', `/api/v1/departments/${dept.id}`, {
        code: dept.code,
        name: dept.name,
        parentCode: null,
        phone: dept.phone,
        lookupAuthorised: false,
        lookupAuthorisationReason: null,
      });
      expect(withdrawn.statusCode).toBe(200);
      expect(await abilitiesOf(cookie)).not.toContain('register.lookup');
      const detail = (await call(admin1, 'GET', `/api/v1/users/${user.id}`)).json();
      expect(detail.grants.find((g: { role: string }) => g.role === 'field')).toMatchObject({
        status: 'inactive_department',
      });
    });

    it('refuses a field grant in a department that is not authorised, naming the field', async () => {
      const user = await employee((await department(false)).code);
      const response = await call(admin1, 'POST', `/api/v1/users/${user.id}/grants`, {
        role: 'field',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'grant.department_not_authorised',
        errors: [{ field: 'role' }],
      });
    });

    it('needs a second administrator to confirm a registrar grant', async () => {
      const user = await employee((await department(false)).code);
      expect(
        (
          await call(admin1, 'POST', `/api/v1/users/${user.id}/grants`, { role: 'registrar' })
        ).json(),
      ).toEqual({ status: 'pending' });
      const pending = (await call(admin2, 'GET', '/api/v1/grants/pending')).json().pending;
      expect(pending).toContainEqual(
        expect.objectContaining({
          user: expect.objectContaining({ id: user.id }),
          grant: expect.objectContaining({ role: 'registrar', status: 'pending' }),
        }),
      );
      const { cookie } = await signIn(t.app, user);
      expect(await abilitiesOf(cookie)).not.toContain('listing.manage');

      const own = await call(admin1, 'POST', `/api/v1/users/${user.id}/grants/registrar/confirm`);
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('grant.self_confirm');
      expect(
        (await call(admin2, 'POST', `/api/v1/users/${user.id}/grants/registrar/confirm`))
          .statusCode,
      ).toBe(204);
      const again = await signIn(t.app, user);
      expect(await abilitiesOf(again.cookie)).toContain('listing.manage');
      const actions = (
        await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id))
      ).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['grant.requested', 'grant.confirmed']));
    });

    it('lets a sole administrator appoint a second one at once, and needs four eyes after that', async () => {
      const solo = await buildTestApp({ engine: target.engine });
      try {
        const first = await createTestUser(solo, { roles: ['admin', 'reporter'] });
        const second = await createTestUser(solo);
        const third = await createTestUser(solo);
        const cookie = (await signIn(solo.app, first)).cookie;
        const grant = (userId: string) =>
          solo.app.inject({
            method: 'POST',
            url: `/api/v1/users/${userId}/grants`,
            headers: { cookie },
            payload: { role: 'admin' },
          });
        expect((await grant(second.user.id)).json()).toEqual({ status: 'active' });
        expect((await grant(third.user.id)).json()).toEqual({ status: 'pending' });
        const events = await solo.database.db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.subjectId, second.user.id));
        expect(events.find((e) => e.action === 'grant.granted')).toMatchObject({
          details: { role: 'admin', bootstrap: true },
        });
      } finally {
        await solo.close();
      }
    });

    it('refuses self-grants, incompatible roles and grants to disabled users', async () => {
      const self = await call(admin1, 'POST', `/api/v1/users/${admin1Id}/grants`, { role: 'dpo' });
      expect(self.json().code).toBe('grant.self_grant');
      const user = await employee((await department(true)).code);
      await call(admin1, 'POST', `/api/v1/users/${user.id}/grants`, { role: 'dpo' });
      const clash = await call(admin1, 'POST', `/api/v1/users/${user.id}/grants`, {
        role: 'field',
      });
      expect(clash.json().code).toBe('grant.incompatible_roles');
      const disabled = await employee((await department(true)).code);
      expect(
        (
          await call(admin1, 'POST', `/api/v1/users/${disabled.id}/disable`, {
            reason: 'hat die Stadt verlassen',
          })
        ).statusCode,
      ).toBe(200);
      const toDisabled = await call(admin1, 'POST', `/api/v1/users/${disabled.id}/grants`, {
        role: 'field',
      });
      expect(toDisabled.json().code).toBe('grant.user_disabled');
    });

    it('ends all sessions when a user is disabled or a grant revoked', async () => {
      const user = await employee((await department(true)).code);
      await grantConfirmed(user.id, 'field');
      const { cookie } = await signIn(t.app, user);
      expect(
        (
          await call(admin1, 'POST', `/api/v1/users/${user.id}/grants/field/revoke`, {
            reason: 'Aufgabe entfallen',
          })
        ).statusCode,
      ).toBe(204);
      expect((await call(cookie, 'GET', '/api/v1/session')).statusCode).toBe(401);
      const next = await signIn(t.app, user);
      expect(await abilitiesOf(next.cookie)).not.toContain('register.lookup');
      await call(admin1, 'POST', `/api/v1/users/${user.id}/disable`, { reason: 'Elternzeit' });
      expect((await call(next.cookie, 'GET', '/api/v1/session')).statusCode).toBe(401);
    });

    it('keeps the last administrator and refuses to disable oneself', async () => {
      const self = await call(admin1, 'POST', `/api/v1/users/${admin1Id}/disable`, {
        reason: 'aus Versehen',
      });
      expect(self.json().code).toBe('user.self_change');
    });

    it('names the field for an unknown department and a too-short reason', async () => {
      const unknown = await call(admin1, 'POST', '/api/v1/users', {
        username: 'neu.person',
        displayName: 'Neu',
        departmentCode: 'GIBTSNICHT',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({
        code: 'department.unknown',
        errors: [{ field: 'departmentCode' }],
      });
      const user = await employee((await department(false)).code);
      const short = await call(admin1, 'POST', `/api/v1/users/${user.id}/disable`, { reason: 'x' });
      expect(short.json()).toMatchObject({
        code: 'request.invalid',
        errors: [{ field: 'reason', code: 'too_short' }],
      });
      const dup = await call(admin1, 'POST', '/api/v1/users', {
        username: user.username,
        displayName: 'Doppelt',
        departmentCode: user.department.code,
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({
        code: 'user.username_taken',
        errors: [{ field: 'username' }],
      });
    });

    it('finds users by name fragment, department and role', async () => {
      const dept = await department(true);
      const user = await employee(dept.code);
      await grantConfirmed(user.id, 'field');
      const byName = (
        await call(
          admin1,
          'GET',
          `/api/v1/users?q=${encodeURIComponent(user.displayName.slice(2))}`,
        )
      ).json();
      expect(byName.users.map((u: { id: string }) => u.id)).toContain(user.id);
      const byDept = (
        await call(admin1, 'GET', `/api/v1/users?departmentCode=${dept.code}&role=field`)
      ).json();
      expect(byDept).toMatchObject({
        total: 1,
        users: [{ id: user.id, roles: expect.arrayContaining(['field', 'reporter']) }],
      });
    });

    it('refuses every other role access to other people’s accounts and grants', async () => {
      const victim = await employee((await department(true)).code);
      const outsiders = await Promise.all(
        (['reporter', 'field', 'registrar', 'dpo', 'control_room'] as const).map(async (role) => ({
          role,
          cookie: (await signIn(t.app, await createTestUser(t, { roles: [role] }))).cookie,
        })),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...outsiders),
          fc.constantFrom(
            ['GET', `/api/v1/users/${victim.id}`],
            ['PATCH', `/api/v1/users/${victim.id}`],
            ['POST', `/api/v1/users/${victim.id}/grants`],
            ['POST', `/api/v1/users/${victim.id}/disable`],
            ['POST', `/api/v1/users/${victim.id}/grants/reporter/revoke`],
            ['GET', '/api/v1/users'],
            ['GET', '/api/v1/departments'],
          ),
          fc.oneof(
            fc.constant({}),
            fc.record({
              role: fc.constantFrom('admin', 'field', 'registrar'),
              reason: fc.string(),
            }),
          ),
          async (outsider, [method, url], body) => {
            const response = await call(
              outsider.cookie,
              method as 'GET',
              url!,
              method === 'GET' ? undefined : body,
            );
            expect(response.statusCode).toBe(403);
          },
        ),
        { numRuns: 60 },
      );
      const still = (await call(admin1, 'GET', `/api/v1/users/${victim.id}`)).json();
      expect(still).toMatchObject({ roles: ['reporter'], disabled: false });
    });

    it('lists grants due for re-certification and moves the date when confirmed', async () => {
      const user = await employee((await department(true)).code);
      await grantConfirmed(user.id, 'field');
      const dueNow = (await call(admin1, 'GET', '/api/v1/grants/recertification-due')).json().due;
      expect(dueNow.some((d: { user: { id: string } }) => d.user.id === user.id)).toBe(false);
      t.clock.advance(340 * 86_400_000);
      // eleven months later: the administrators sign in again
      admin1 = (await signIn(t.app, admins[0]!)).cookie;
      admin2 = (await signIn(t.app, admins[1]!)).cookie;
      const dueLater = (await call(admin1, 'GET', '/api/v1/grants/recertification-due')).json().due;
      const entry = dueLater.find(
        (d: { user: { id: string }; grant: { role: string } }) =>
          d.user.id === user.id && d.grant.role === 'field',
      );
      expect(entry).toBeDefined();
      const recertified = await call(
        admin2,
        'POST',
        `/api/v1/users/${user.id}/grants/field/recertify`,
      );
      expect(recertified.statusCode).toBe(200);
      expect(recertified.json().recertifyBy > entry.grant.recertifyBy).toBe(true);
    });

    it('keeps the audit chain intact', async () => {
      expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
    });
  });
}
