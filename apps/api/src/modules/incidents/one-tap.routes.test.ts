import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { signedIn, signedInRegistrar } from '../../test-support/register.js';
import { auditEvents } from '../audit/audit.table.js';
import { incidents } from './incidents.table.js';
import { incidentsWithDescription } from '../../test-support/sealed.js';

/** What the start page's one tap sends: the time and, if the phone allowed it, the position. */
const ONE_TAP = {
  occurredAt: '2026-01-15T07:30:00+01:00',
  place: { position: { latitude: 50.9375, longitude: 6.9603, accuracyMeters: 15 } },
  incomplete: true,
};

/** What the reporter adds later from "Meine Meldungen". */
const COMPLETION = {
  occurredAt: '2026-01-15T07:30:00+01:00',
  place: {
    description: 'Hauseingang',
    position: { latitude: 50.9375, longitude: 6.9603, accuracyMeters: 15 },
  },
  categories: ['threat'],
  level: 2,
  description: 'Der Mann drohte mit Schlägen.',
  persons: [{ familyName: 'Brandt', givenNames: 'Olaf' }],
};

for (const target of engines) {
  describe.skipIf(target.skip)(`one-tap reports ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    let colleague: string;
    let registrar: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      reporter = await signedIn(t, ['reporter']);
      colleague = await signedIn(t, ['reporter']);
      registrar = await signedInRegistrar(t);
    });
    afterAll(async () => {
      await t?.close();
    });

    const submit = (body: object, key: string = randomUUID()) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { cookie: reporter, 'idempotency-key': key },
        payload: body,
      });
    const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const oneTap = async () => {
      const response = await submit(ONE_TAP);
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string; reference: string }>();
    };
    const complete = (cookie: string, id: string) =>
      call(cookie, 'PUT', `/api/v1/incidents/${id}`, { report: COMPLETION });

    it('stores a report with only the time and position, without level or category', async () => {
      const { id, reference } = await oneTap();
      const read = await call(reporter, 'GET', `/api/v1/incidents/${id}`);
      expect(read.json()).toMatchObject({
        reference,
        status: 'submitted',
        level: null,
        categories: [],
        incomplete: true,
        place: { position: { latitude: 50.9375, longitude: 6.9603 } },
        actions: ['amend'],
      });
      const mine = await call(reporter, 'GET', '/api/v1/incidents/mine');
      expect(mine.json().incidents).toContainEqual(
        expect.objectContaining({ id, incomplete: true, level: null }),
      );
    });

    it('stores a report without any position too (no permission, no fix)', async () => {
      const response = await submit({ ...ONE_TAP, place: {} });
      expect(response.statusCode).toBe(201);
    });

    it('still refuses a complete report without level and category, naming the fields', async () => {
      const response = await submit({ occurredAt: ONE_TAP.occurredAt, place: ONE_TAP.place });
      expect(response.statusCode).toBe(400);
      const fields = response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['categories', 'level']));
    });

    it('refuses text the database cannot store in an incomplete report, naming the field', async () => {
      const response = await submit({ ...ONE_TAP, description: 'Angriff\u0000' });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toContainEqual(
        expect.objectContaining({ field: 'description', code: 'invalid_characters' }),
      );
      const long = await submit({ ...ONE_TAP, description: 'x'.repeat(10_001) });
      expect(long.statusCode).toBe(400);
      expect(long.json().errors[0]).toMatchObject({ field: 'description', code: 'too_long' });
    });

    it('lets the reporter complete it while it is not reviewed, audited', async () => {
      const { id } = await oneTap();
      const completed = await complete(reporter, id);
      expect(completed.statusCode).toBe(200);
      expect(completed.json()).toMatchObject({
        level: 2,
        categories: ['threat'],
        incomplete: false,
        description: 'Der Mann drohte mit Schlägen.',
        persons: [expect.objectContaining({ familyName: 'Brandt' })],
      });
      const audited = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'incident.complete'));
      expect(audited.some((e) => e.subjectId === id)).toBe(true);
    });

    it('does not let another employee complete it (they do not even see it)', async () => {
      const { id } = await oneTap();
      expect((await complete(colleague, id)).statusCode).toBe(404);
      const [row] = await t.database.db.select().from(incidents).where(eq(incidents.id, id));
      expect(row?.level).toBeNull();
    });

    it('does not let the reporter complete it once the review has started', async () => {
      const { id } = await oneTap();
      expect((await call(registrar, 'POST', `/api/v1/incidents/${id}/review`)).statusCode).toBe(
        200,
      );
      const late = await complete(reporter, id);
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'incident.not_amendable' });
    });

    it('does not accept a completion that leaves the level open', async () => {
      const { id } = await oneTap();
      const response = await call(reporter, 'PUT', `/api/v1/incidents/${id}`, {
        report: ONE_TAP,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'incident.incomplete' });
    });

    it('lets a registrar confirm it only with a level and a category', async () => {
      const { id } = await oneTap();
      const url = `/api/v1/incidents/${id}/decision`;
      const bare = await call(registrar, 'POST', url, { decision: 'confirm' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json()).toMatchObject({
        code: 'incident.incomplete',
        errors: [expect.objectContaining({ field: 'level' })],
      });
      const noCategory = await call(registrar, 'POST', url, { decision: 'confirm', level: 2 });
      expect(noCategory.json()).toMatchObject({
        code: 'incident.incomplete',
        errors: [expect.objectContaining({ field: 'categories' })],
      });
      const confirmed = await call(registrar, 'POST', url, {
        decision: 'confirm',
        level: 3,
        categories: ['weapon_or_tool'],
      });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toMatchObject({
        status: 'confirmed',
        level: 3,
        categories: ['weapon_or_tool'],
        incomplete: false,
      });
    });

    it('confirms a completed one-tap report with the level the reporter gave', async () => {
      const { id } = await oneTap();
      expect((await complete(reporter, id)).statusCode).toBe(200);
      const confirmed = await call(registrar, 'POST', `/api/v1/incidents/${id}/decision`, {
        decision: 'confirm',
      });
      expect(confirmed.json()).toMatchObject({ status: 'confirmed', level: 2 });
    });

    it('shows incomplete reports in the review queue without pushing them above level 3', async () => {
      const { id } = await oneTap();
      const serious = { ...COMPLETION, categories: ['weapon_or_tool'], level: 3 };
      expect((await submit(serious)).statusCode).toBe(201);
      const queue = await call(registrar, 'GET', '/api/v1/incidents/review-queue');
      const lines = queue.json<{ incidents: { id: string; level: number | null }[] }>().incidents;
      expect(lines.some((line) => line.id === id)).toBe(true);
      const firstOpen = lines.findIndex((line) => line.level === null);
      const lastThree = lines.map((line) => line.level).lastIndexOf(3);
      expect(lastThree).toBeLessThan(firstOpen);
    });

    it('stores parallel submissions of the same tap once', async () => {
      const key = randomUUID();
      const tap = { ...ONE_TAP, description: 'Zweimal getippt' };
      const answers = await Promise.all([submit(tap, key), submit(tap, key)]);
      expect([
        [201, 201],
        [201, 409],
      ]).toContainEqual(answers.map((a) => a.statusCode).sort());
      const stored = answers.filter((a) => a.statusCode === 201).map((a) => a.json().id);
      expect(new Set(stored).size).toBe(1);
      const rows = await incidentsWithDescription(t, 'Zweimal getippt');
      expect(rows).toHaveLength(1);
    });
  });
}
