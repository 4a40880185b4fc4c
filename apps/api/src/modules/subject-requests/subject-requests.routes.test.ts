import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { call as callOn, listedPerson } from '../../test-support/subject-requests.js';

const BASE = '/api/v1/subject-requests';

for (const target of engines) {
  describe.skipIf(target.skip)(`data-subject requests over HTTP ${engineTitle(target)}`, () => {
    let t: TestApp;
    const cookies = { reporter: '', registrarA: '', registrarB: '' };
    let personId: string;
    let registrarBUser: Awaited<ReturnType<typeof createTestUser>>;
    /** Moves the clock; registrar B signs in again (sessions end when idle). */
    const moveTo = async (iso: string) => {
      t.clock.set(new Date(iso));
      cookies.registrarB = (await signIn(t.app, registrarBUser)).cookie;
    };
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      t.clock.set(new Date('2026-02-10T09:00:00Z'));
      cookies.reporter = (
        await signIn(t.app, await createTestUser(t, { roles: ['reporter'] }))
      ).cookie;
      const roles = ['reporter', 'registrar'] as const;
      cookies.registrarA = (
        await signIn(t.app, await createTestUser(t, { roles: [...roles] }))
      ).cookie;
      registrarBUser = await createTestUser(t, { roles: [...roles] });
      cookies.registrarB = (await signIn(t.app, registrarBUser)).cookie;
      ({ personId } = await listedPerson(t, cookies, 'Muster', 'Max'));
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      callOn(t, cookie, method, url, payload);
    const record = (payload: Record<string, unknown>) =>
      call(cookies.registrarA, 'POST', BASE, {
        personId,
        kind: 'access',
        receivedOn: '2026-01-31',
        identityCheck: 'Personalausweis vorgelegt',
        ...payload,
      });
    const actionsOf = async (id: string) =>
      (
        await t.database.db
          .select({ action: auditEvents.action, details: auditEvents.details })
          .from(auditEvents)
          .where(eq(auditEvents.subjectId, id))
          .orderBy(auditEvents.seq)
      ).map((e) => e.action);

    it('records a request received on 31 January as due on 28 February, with a BA reference', async () => {
      const created = await record({});
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        reference: expect.stringMatching(/^BA-2026-\d{4}$/),
        kind: 'access',
        receivedOn: '2026-01-31',
        dueOn: '2026-02-28',
        status: 'open',
        overdue: false,
        dueSoon: false,
        person: { familyName: 'Muster', givenNames: 'Max' },
      });
      expect(await actionsOf(created.json().id)).toEqual(['subject_request.record']);
    });

    it('refuses a receipt date in the future, an unknown person and hostile text by field', async () => {
      const future = await record({ receivedOn: '2026-02-11' });
      expect(future.statusCode).toBe(400);
      expect(future.json()).toMatchObject({ code: 'subject_request.received_in_future' });
      expect(future.json().errors[0].field).toBe('receivedOn');

      const unknown = await record({ personId: randomUUID() });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().errors[0].field).toBe('personId');

      for (const identityCheck of ['x\u0000y', 'a\ud800b', 'x'.repeat(10_000), '   ']) {
        const hostile = await record({ identityCheck });
        expect(hostile.statusCode).toBe(400);
        expect(JSON.stringify(hostile.json())).toContain('identityCheck');
      }
      const kind = await record({ kind: 'complaint' });
      expect(kind.statusCode).toBe(400);
    });

    it('extends the deadline once, by at most two months, naming extendedDueOn otherwise', async () => {
      const { id } = (await record({})).json();
      const tooLong = await call(cookies.registrarA, 'POST', `${BASE}/${id}/extension`, {
        extendedDueOn: '2026-04-29',
        reason: 'Umfangreiche Akten',
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json()).toMatchObject({
        code: 'subject_request.extension_too_long',
        errors: [{ field: 'extendedDueOn' }],
      });
      const ok = await call(cookies.registrarA, 'POST', `${BASE}/${id}/extension`, {
        extendedDueOn: '2026-04-28',
        reason: 'Umfangreiche Akten',
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        extendedDueOn: '2026-04-28',
        effectiveDueOn: '2026-04-28',
      });
      const again = await call(cookies.registrarA, 'POST', `${BASE}/${id}/extension`, {
        extendedDueOn: '2026-04-01',
        reason: 'Noch einmal',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('subject_request.already_extended');
    });

    it('answers once: eight parallel answers give one 200 and 409 for the rest', async () => {
      const { id } = (await record({ kind: 'objection' })).json();
      const badDate = await call(cookies.registrarB, 'POST', `${BASE}/${id}/answer`, {
        decision: 'refused',
        reason: 'Zwingende schutzwürdige Gründe',
        answeredOn: '2026-02-11',
      });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().errors[0].field).toBe('answeredOn');
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          call(cookies.registrarB, 'POST', `${BASE}/${id}/answer`, {
            decision: 'refused',
            reason: 'Zwingende schutzwürdige Gründe',
            answeredOn: '2026-02-10',
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, ...Array(7).fill(409)]);
      expect(answers.find((a) => a.statusCode === 200)!.json()).toMatchObject({
        status: 'answered',
        decision: 'refused',
        answeredOn: '2026-02-10',
      });
      const actions = await actionsOf(id);
      expect(actions.filter((a) => a === 'subject_request.answer')).toHaveLength(1);
      const open = (await call(cookies.registrarA, 'GET', BASE)).json().requests;
      expect(open.map((r: { id: string }) => r.id)).not.toContain(id);
    });

    it('links a restriction request to the listing and to be decided by its due date', async () => {
      const created = await record({ kind: 'restriction', receivedOn: '2026-02-05' });
      expect(created.json()).toMatchObject({
        decideBy: '2026-03-05',
        listing: { id: expect.any(String), status: 'active' },
      });
    });

    it('is for registrars only', async () => {
      const list = await call(cookies.reporter, 'GET', BASE);
      expect(list.statusCode).toBe(403);
    });
    it('flags open requests due within seven days, then overdue, as the clock moves', async () => {
      const { id } = (await record({ receivedOn: '2026-02-01' })).json();
      const flags = async () =>
        (await call(cookies.registrarB, 'GET', BASE))
          .json()
          .requests.find((r: { id: string }) => r.id === id);
      expect(await flags()).toMatchObject({ dueOn: '2026-03-01', overdue: false, dueSoon: false });
      await moveTo('2026-02-23T09:00:00Z');
      expect(await flags()).toMatchObject({ overdue: false, dueSoon: true });
      await moveTo('2026-03-02T09:00:00Z');
      expect(await flags()).toMatchObject({ overdue: true, dueSoon: false });
      const one = await call(cookies.registrarB, 'GET', `${BASE}/${id}`);
      expect(one.json()).toMatchObject({ id, overdue: true });
    });
  });
}
