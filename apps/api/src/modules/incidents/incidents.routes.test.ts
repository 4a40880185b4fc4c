import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { IncidentReportInput } from '@zemag/contracts';
import { claimKey } from '../idempotency/idempotency.repository.js';
import { requestHash } from '../idempotency/idempotency.service.js';
import { notifications } from '../notifications/notifications.table.js';
import { incidentPersons, incidents } from './incidents.table.js';
import { incidentsWithDescription } from '../../test-support/sealed.js';

const QUICK = {
  occurredAt: '2026-01-15T07:30:00+01:00',
  place: { description: 'Treppenhaus, Hausnummer 12' },
  categories: ['threat'],
  level: 2,
  quick: true,
};

for (const target of engines) {
  describe.skipIf(target.skip)(`reporting and review ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    let reporterId: string;
    let colleague: string;
    let registrar: string;
    let registrarId: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      const r = await createTestUser(t, { roles: ['reporter'] });
      reporterId = r.user.id;
      reporter = (await signIn(t.app, r)).cookie;
      colleague = (await signIn(t.app, await createTestUser(t, { roles: ['reporter'] }))).cookie;
      const reg = await createTestUser(t, { roles: ['reporter', 'registrar'] });
      registrarId = reg.user.id;
      registrar = (await signIn(t.app, reg)).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    const submit = (cookie: string, body: object, key: string | null = randomUUID()) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
        payload: body,
      });
    const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const count = async (key: string) =>
      (
        await t.database.db
          .select({ seq: auditEvents.seq })
          .from(auditEvents)
          .where(eq(auditEvents.action, key))
      ).length;

    it('stores a quick report with time, place and category and answers with a reference', async () => {
      const response = await submit(reporter, QUICK);
      expect(response.statusCode).toBe(201);
      const receipt = response.json();
      expect(receipt).toMatchObject({ status: 'submitted' });
      expect(receipt.reference).toMatch(/^V-2026-\d{5}$/);
      const [row] = await t.database.db
        .select()
        .from(incidents)
        .where(eq(incidents.id, receipt.id));
      expect(row).toMatchObject({ reporterId, level: 2, quick: true, injuries: 'unknown' });
      const [event] = await t.database.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'incident.submit'), eq(auditEvents.subjectId, receipt.id)),
        );
      expect(event?.actorId).toBe(reporterId);
    });

    it('stores a retried report exactly once and answers the retry with the stored receipt', async () => {
      const key = randomUUID();
      const body = { ...QUICK, description: 'Retry nach Funkloch' };
      const first = await submit(reporter, body, key);
      const retry = await submit(reporter, body, key);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const rows = await incidentsWithDescription(t, 'Retry nach Funkloch');
      expect(rows).toHaveLength(1);
    });

    it('refuses the same key with a different report (422) and a missing key (400)', async () => {
      const key = randomUUID();
      expect((await submit(reporter, QUICK, key)).statusCode).toBe(201);
      const other = await submit(reporter, { ...QUICK, level: 3 }, key);
      expect(other.statusCode).toBe(422);
      expect(other.json().code).toBe('idempotency.key_reused');
      const missing = await submit(reporter, QUICK, null);
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({
        code: 'idempotency.key_required',
        errors: [{ field: 'Idempotency-Key' }],
      });
    });

    it('answers 409 while the same key is still being stored', async () => {
      const key = randomUUID();
      await claimKey({
        db: t.database.db,
        row: {
          userId: reporterId,
          key,
          operation: 'incident.submit',
          requestHash: requestHash('incident.submit', IncidentReportInput.parse(QUICK)),
          createdAt: t.clock.now(),
        },
      });
      const response = await submit(reporter, QUICK, key);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('idempotency.in_flight');
      // a claim whose process died is taken over after a while
      t.clock.advance(3 * 60_000);
      expect((await submit(reporter, QUICK, key)).statusCode).toBe(201);
    });

    it('stores two concurrent submissions with the same key once', async () => {
      const key = randomUUID();
      const body = { ...QUICK, description: 'Gleichzeitig gesendet' };
      const answers = await Promise.all([submit(reporter, body, key), submit(reporter, body, key)]);
      const codes = answers.map((a) => a.statusCode).sort();
      expect([
        [201, 201],
        [201, 409],
      ]).toContainEqual(codes);
      const stored = answers.filter((a) => a.statusCode === 201).map((a) => a.json().id);
      expect(new Set(stored).size).toBe(1);
      const rows = await incidentsWithDescription(t, 'Gleichzeitig gesendet');
      expect(rows).toHaveLength(1);
    });

    it('names the field for a future time, an unknown category and a 5 MB description', async () => {
      const future = await submit(reporter, { ...QUICK, occurredAt: '2026-01-16T08:00:00Z' });
      expect(future.statusCode).toBe(400);
      expect(future.json()).toMatchObject({
        code: 'incident.in_future',
        errors: [{ field: 'occurredAt', message: { de: expect.stringContaining('Zukunft') } }],
      });
      const category = await submit(reporter, { ...QUICK, categories: ['theft'] });
      expect(category.statusCode).toBe(400);
      expect(category.json().errors[0].field).toBe('categories.0');
      const long = await submit(reporter, { ...QUICK, description: 'x'.repeat(5_000_000) });
      expect(long.statusCode).toBe(400);
      expect(long.json().errors[0]).toMatchObject({ field: 'description', code: 'too_long' });
    });

    it('keeps a name with markup exactly as typed', async () => {
      const name = '<img src=x onerror=alert(1)>Meyer';
      const response = await submit(reporter, {
        ...QUICK,
        persons: [{ familyName: name, givenNames: 'Jürgen', dateOfBirth: '1971' }],
      });
      const [person] = await t.database.db
        .select()
        .from(incidentPersons)
        .where(eq(incidentPersons.incidentId, response.json().id));
      expect(person?.familyName).toBe(name);
    });

    it('shows a report to its reporter and to registrars (audited), not to colleagues', async () => {
      const { id } = (await submit(reporter, QUICK)).json();
      const own = await call(reporter, 'GET', `/api/v1/incidents/${id}`);
      expect(own.statusCode).toBe(200);
      expect(own.json().actions).toEqual(['amend']);
      expect((await call(colleague, 'GET', `/api/v1/incidents/${id}`)).statusCode).toBe(404);
      const before = await count('incident.read');
      const read = await call(registrar, 'GET', `/api/v1/incidents/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().actions).toEqual(
        expect.arrayContaining(['start_review', 'confirm', 'reject', 'ask']),
      );
      expect(await count('incident.read')).toBe(before + 1);
      const mine = await call(reporter, 'GET', '/api/v1/incidents/mine');
      expect(mine.json().incidents.map((i: { id: string }) => i.id)).toContain(id);
    });

    it('orders the review queue level 3 first, then oldest first', async () => {
      const level3 = (
        await submit(reporter, { ...QUICK, categories: ['weapon_or_tool'], level: 3 })
      ).json();
      const queue = (await call(registrar, 'GET', '/api/v1/incidents/review-queue')).json();
      const ids: string[] = queue.incidents.map((i: { id: string }) => i.id);
      expect(ids[0]).toBe(level3.id);
      const rest = queue.incidents.slice(1).filter((i: { level: number }) => i.level < 3);
      const times = rest.map((i: { submittedAt: string }) => i.submittedAt);
      expect(times).toEqual([...times].sort());
    });

    it('asks the reporter, takes the answer, then confirms — and tells the reporter each time', async () => {
      const { id } = (await submit(reporter, QUICK)).json();
      const started = await call(registrar, 'POST', `/api/v1/incidents/${id}/review`);
      expect(started.json().status).toBe('in_review');
      const asked = await call(registrar, 'POST', `/api/v1/incidents/${id}/decision`, {
        decision: 'ask',
        question: 'Wurde Strafanzeige erstattet?',
      });
      expect(asked.json().status).toBe('needs_info');
      const seen = (await call(reporter, 'GET', `/api/v1/incidents/${id}`)).json();
      expect(seen.messages).toMatchObject([
        { kind: 'question', body: 'Wurde Strafanzeige erstattet?' },
      ]);
      expect(seen.actions).toEqual(['answer', 'amend']);
      const answered = await call(reporter, 'PUT', `/api/v1/incidents/${id}`, {
        report: {
          ...QUICK,
          quick: false,
          criminalComplaint: { status: 'yes', fileNumber: '123 Js 456/26' },
        },
        answer: 'Ja, Anzeige bei der Polizei erstattet.',
      });
      expect(answered.statusCode).toBe(200);
      expect(answered.json()).toMatchObject({
        status: 'submitted',
        criminalComplaint: { status: 'yes', fileNumber: '123 Js 456/26' },
      });
      const confirmed = await call(registrar, 'POST', `/api/v1/incidents/${id}/decision`, {
        decision: 'confirm',
      });
      expect(confirmed.json().status).toBe('confirmed');
      const again = await call(registrar, 'POST', `/api/v1/incidents/${id}/decision`, {
        decision: 'reject',
        reason: 'doch nicht',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('incident.wrong_status');
      const notes = await t.database.db
        .select({ kind: notifications.kind })
        .from(notifications)
        .where(eq(notifications.subjectId, id));
      expect(notes.map((n) => n.kind)).toEqual([
        'incident.in_review',
        'incident.needs_info',
        'incident.confirmed',
      ]);
      // the amended report can no longer be changed by its reporter
      const late = await call(reporter, 'PUT', `/api/v1/incidents/${id}`, { report: QUICK });
      expect(late.json().code).toBe('incident.not_amendable');
    });

    it('needs a reason to reject, and a registrar never reviews their own report', async () => {
      const { id } = (await submit(reporter, QUICK)).json();
      const noReason = await call(registrar, 'POST', `/api/v1/incidents/${id}/decision`, {
        decision: 'reject',
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors[0].field).toBe('reason');
      const ownId = (await submit(registrar, QUICK)).json().id;
      const queue = (await call(registrar, 'GET', '/api/v1/incidents/review-queue')).json();
      expect(queue.incidents.map((i: { id: string }) => i.id)).not.toContain(ownId);
      const own = await call(registrar, 'POST', `/api/v1/incidents/${ownId}/decision`, {
        decision: 'confirm',
      });
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('incident.own_report');
      expect(registrarId).toBeTruthy();
    });
  });
}
