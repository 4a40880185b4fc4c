import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from './demo.data.js';
import { createDemoService, DemoRefusedError } from './demo.service.js';

describe('demo city Musterstadt', () => {
  let t: TestApp;
  let demo: ReturnType<typeof createDemoService>;
  beforeEach(async () => {
    t = await buildTestApp({ env: { ZEMAG_MFA_REQUIRED_ROLES: '' } });
    demo = createDemoService({ db: t.database.db, ...t.services });
  });
  afterEach(async () => {
    await t?.close();
  });

  it('creates its departments and an account for every role, with four-eyes grants confirmed by the second administrator', async () => {
    expect(await demo.seed()).toEqual({ seeded: true });
    const admin = await signIn(t.app, { username: 'demo.admin', password: DEMO_PASSWORD });
    const get = (url: string) =>
      t.app.inject({ url, headers: { cookie: admin.cookie } }).then((r) => r.json());

    const { departments } = await get('/api/v1/departments');
    expect(departments.map((d: { code: string }) => d.code).sort()).toEqual(
      DEMO_DEPARTMENTS.map((d) => d.code).sort(),
    );
    expect(
      departments
        .filter((d: { lookupAuthorised: boolean }) => d.lookupAuthorised)
        .map((d: { code: string }) => d.code)
        .sort(),
    ).toEqual(['20-3', '32-2', '37', '50', '51']);

    const { users, total } = await get('/api/v1/users?limit=100');
    expect(total).toBe(DEMO_USERS.length);
    for (const demoUser of DEMO_USERS) {
      const user = users.find((u: { username: string }) => u.username === demoUser.username);
      expect(user, demoUser.username).toMatchObject({
        department: { code: demoUser.departmentCode },
        pendingRoles: [],
      });
      expect([...user.roles].sort()).toEqual([...demoUser.roles, 'reporter'].sort());
    }
    const registrar = users.find((u: { username: string }) => u.username === 'demo.registrar');
    const detail = await get(`/api/v1/users/${registrar.id}`);
    expect(detail.grants.find((g: { role: string }) => g.role === 'registrar')).toMatchObject({
      status: 'active',
      grantedBy: { displayName: 'Katrin Vogel' },
      confirmedBy: { displayName: 'Tobias Krämer' },
    });
    expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
  }, 120_000);

  it('lets every demo account sign in and see what its role may do', async () => {
    await demo.seed();
    const field = await signIn(t.app, { username: 'demo.ordnungsdienst', password: DEMO_PASSWORD });
    expect(field.response.json().user.abilities).toContain('register.lookup');
    const citizensOffice = await signIn(t.app, {
      username: 'demo.buergeramt',
      password: DEMO_PASSWORD,
    });
    expect(citizensOffice.response.json().user.abilities).toEqual([
      'incident.report',
      'incident.read_own',
    ]);
  }, 120_000);

  it('seeds once: a second run changes nothing', async () => {
    await demo.seed();
    expect(await demo.seed()).toEqual({ seeded: false });
  }, 120_000);

  it('resets to the seeded state: later changes are gone, the audit log starts again', async () => {
    await demo.seed();
    const admin = await signIn(t.app, { username: 'demo.admin', password: DEMO_PASSWORD });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'demo.extra', displayName: 'Extra', departmentCode: '50' },
    });
    await demo.assertNoRealData().catch(() => undefined);
    await t.database.wipe();
    // the wipe took the data keys too (as `zemag demo reset` does, after it)
    await t.services.cipher.prepare(t.database.db);
    expect(await demo.seed()).toEqual({ seeded: true });
    const again = await signIn(t.app, { username: 'demo.admin', password: DEMO_PASSWORD });
    const { total } = (
      await t.app.inject({ url: '/api/v1/users', headers: { cookie: again.cookie } })
    ).json();
    expect(total).toBe(DEMO_USERS.length);
    expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
  }, 120_000);

  it('is refused for a database that holds real accounts', async () => {
    await createTestUser(t);
    await expect(demo.seed()).rejects.toThrow(DemoRefusedError);
  });
});
