import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database.js';
import { auditEvents } from '../audit/audit.table.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

const departmentsCsv = [
  'code;name;parent_code;contact;phone;lookup_authorised;lookup_reason',
  '32;Ordnungsamt;;;0221 221-3200;nein;',
  '32-1;Ordnungsdienst;32;Leitstelle;0221 221-3210;ja;Hausbesuche und Kontrollen im Außendienst',
  '50;Sozialamt;;;0221 221-5000;nein;',
].join('\n');

for (const target of engines) {
  describe.skipIf(target.skip)(`CSV import ${engineTitle(target)}`, () => {
    let t: TestApp;
    let cookie: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      cookie = (await signIn(t.app, await createTestUser(t, { roles: ['admin', 'reporter'] })))
        .cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    const post = (kind: 'departments' | 'users', csv: string, dryRun: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${kind}`,
        headers: { cookie },
        payload: { csv, dryRun },
      });
    const count = async (table: 'departments' | 'users') =>
      rowsOf<{ n: number }>(
        await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)),
      )[0]!.n;

    it('checks departments in a dry run without changing anything, then imports them', async () => {
      const dry = (await post('departments', departmentsCsv, true)).json();
      expect(dry).toEqual({
        dryRun: true,
        applied: false,
        rows: 3,
        created: 3,
        updated: 0,
        unchanged: 0,
        errors: [],
      });
      expect(await count('departments')).toBe(0);
      const applied = (await post('departments', departmentsCsv, false)).json();
      expect(applied).toMatchObject({ applied: true, created: 3 });
      const list = (await t.app.inject({ url: '/api/v1/departments', headers: { cookie } })).json()
        .departments;
      expect(list.find((d: { code: string }) => d.code === '32-1')).toMatchObject({
        parentCode: '32',
        lookupAuthorised: true,
      });
    });

    it('can run the same file again without duplicates', async () => {
      expect((await post('departments', departmentsCsv, false)).json()).toMatchObject({
        applied: true,
        created: 0,
        updated: 0,
        unchanged: 3,
      });
      const renamed = departmentsCsv.replace('50;Sozialamt', '50;Amt für Soziales');
      expect((await post('departments', renamed, false)).json()).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: 2,
      });
      expect(await count('departments')).toBe(3);
    });

    it('imports users as reporters with field (waiting for four eyes) where allowed, and re-runs idempotently', async () => {
      const csv = [
        'username;display_name;department_code;roles',
        'lea.k;Lea König;32-1;field',
        'omar.s;Omar Şahin;50;',
        'jan.w;Jan Wójcik;32;',
      ].join('\n');
      const before = await count('users');
      expect((await post('users', csv, false)).json()).toMatchObject({
        applied: true,
        created: 3,
        errors: [],
      });
      expect(await count('users')).toBe(before + 3);
      expect((await post('users', csv, false)).json()).toMatchObject({
        applied: true,
        created: 0,
        unchanged: 3,
      });
      const lea = (await t.app.inject({ url: '/api/v1/users?q=lea.k', headers: { cookie } })).json()
        .users[0];
      // field from a CSV waits for a second administrator like any field grant
      expect(lea).toMatchObject({
        displayName: 'Lea König',
        department: { code: '32-1' },
        roles: ['reporter'],
        pendingRoles: ['field'],
      });
      const events = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, lea.id));
      expect(events.map((e) => e.action)).toEqual(['user.created']);
      expect(events[0]!.details).toMatchObject({ requested: ['field'] });
      expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
    });

    it('imports nothing when one row is bad, and names row and field', async () => {
      const before = await count('users');
      const csv = [
        'username;display_name;department_code;roles',
        'ok.one;Gut Eins;32;',
        'ok.two;Gut Zwei;50;field',
        'ok.three;Gut Drei;77;',
      ].join('\n');
      const result = (await post('users', csv, false)).json();
      expect(result).toMatchObject({ applied: false, created: 0 });
      expect(result.errors).toEqual([
        expect.objectContaining({
          row: 2,
          field: 'roles',
          code: 'grant.department_not_authorised',
          message: expect.objectContaining({ de: expect.any(String), en: expect.any(String) }),
        }),
        expect.objectContaining({ row: 3, field: 'department_code', code: 'department.unknown' }),
      ]);
      expect(await count('users')).toBe(before);
    });

    it('reports a malformed file instead of failing', async () => {
      const result = await post(
        'users',
        'username;display_name;department_code\n"unclosed;x;32\n',
        false,
      );
      expect(result.statusCode).toBe(200);
      expect(result.json()).toMatchObject({
        applied: false,
        errors: [{ field: 'csv', code: 'csv.malformed' }],
      });
    });

    it('is for administrators only', async () => {
      const reporter = (await signIn(t.app, await createTestUser(t))).cookie;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/users',
        headers: { cookie: reporter },
        payload: { csv: 'x', dryRun: true },
      });
      expect(response.statusCode).toBe(403);
    });
  });
}
