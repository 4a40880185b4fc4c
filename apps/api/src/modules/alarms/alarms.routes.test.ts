import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createManualClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { signedIn } from '../../test-support/register.js';
import { auditEvents } from '../audit/audit.table.js';
import { alarms } from './alarms.table.js';

const POSITION = { lat: 50.9375, lon: 6.9603, accuracyM: 12 };

type Method = 'GET' | 'POST' | 'PUT';
const request = (app: TestApp['app'], cookie: string, method: Method, url: string, body?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(body ? { payload: body } : {}) });

const raiseOn = (app: TestApp['app'], cookie: string, body: object, key: string = randomUUID()) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/alarms',
    headers: { cookie, 'idempotency-key': key },
    payload: body,
  });

for (const target of engines) {
  describe.skipIf(target.skip)(`silent alarm ${engineTitle(target)}`, () => {
    let t: TestApp;
    let field: string;
    let fieldId: string;
    let leitstelle: string;
    let leitstelle2: string;
    const call = (cookie: string, method: Method, url: string, body?: object) =>
      request(t.app, cookie, method, url, body);
    const raise = (body: object = {}, key?: string, cookie = field) =>
      raiseOn(t.app, cookie, body, key);
    const raised = async (body: object = { position: POSITION }) => {
      const answer = await raise(body);
      expect(answer.statusCode).toBe(201);
      return answer.json<{ id: string; state: string }>().id;
    };
    const board = async (cookie = leitstelle) => {
      const answer = await call(cookie, 'GET', '/api/v1/alarms');
      expect(answer.statusCode).toBe(200);
      return answer.json<{ alarms: { id: string; [k: string]: unknown }[] }>().alarms;
    };
    const onBoard = async (id: string) => (await board()).find((a) => a.id === id);
    const auditOf = (id: string) =>
      t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      const worker = await createTestUser(t, { roles: ['field'] });
      fieldId = worker.user.id;
      field = (await signIn(t.app, worker)).cookie;
      leitstelle = await signedIn(t, ['control_room']);
      leitstelle2 = await signedIn(t, ['control_room']);
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it('stores an alarm before it answers, once per Idempotency-Key, audited', async () => {
      const key = randomUUID();
      const body = {
        position: POSITION,
        visitAddress: 'Domkloster 4, 50667 Köln',
        clientTime: '2026-01-15T08:59:58+01:00',
      };
      const first = await raise(body, key);
      expect(first.statusCode).toBe(201);
      const receipt = first.json();
      expect(receipt).toMatchObject({ state: 'stored', acknowledgedBy: null, closedAt: null });
      // the phone lost the answer and sends again: the same answer, nothing stored twice
      const again = await raise(body, key);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(receipt);
      const stored = await t.database.db.select().from(alarms).where(eq(alarms.userId, fieldId));
      expect(stored.filter((a) => a.id === receipt.id)).toHaveLength(1);
      expect(stored).toHaveLength(1);
      expect((await auditOf(receipt.id)).map((e) => e.action)).toEqual(['alarm.raise']);
      // parallel retries with one key: one alarm, never two
      const parallelKey = randomUUID();
      const parallel = await Promise.all(
        Array.from({ length: 5 }, () => raise({ position: POSITION }, parallelKey)),
      );
      for (const answer of parallel) expect([201, 409]).toContain(answer.statusCode);
      const ids = new Set(
        parallel.filter((a) => a.statusCode === 201).map((a) => a.json<{ id: string }>().id),
      );
      expect(ids.size).toBe(1);
      const after = await t.database.db.select().from(alarms).where(eq(alarms.userId, fieldId));
      expect(after).toHaveLength(2);
      // the same key with another body is refused
      expect((await raise({ visitAddress: 'anders' }, key)).statusCode).toBe(422);
      // without a key: a clear 400 naming the header
      const keyless = await t.app.inject({
        method: 'POST',
        url: '/api/v1/alarms',
        headers: { cookie: field },
        payload: {},
      });
      expect(keyless.statusCode).toBe(400);
      expect(keyless.json().errors[0].field).toBe('Idempotency-Key');
      // the board sees who, where and when
      expect(await onBoard(receipt.id)).toMatchObject({
        status: 'open',
        duress: false,
        user: { id: fieldId },
        department: { code: 'TEST-32' },
        visitAddress: 'Domkloster 4, 50667 Köln',
        position: { ...POSITION, at: expect.any(String) },
        acknowledged: null,
        closed: null,
        ageSeconds: 0,
      });
      t.clock.advance(42_000);
      expect(await onBoard(receipt.id)).toMatchObject({ ageSeconds: 42 });
    });

    it('refuses alarms from accounts without the field role, and the board to field staff', async () => {
      for (const roles of [['reporter'], ['reporter', 'registrar']] as const) {
        const cookie = await signedIn(t, [...roles]);
        const answer = await raise({}, undefined, cookie);
        expect(answer.statusCode).toBe(403);
        expect(answer.json().detail.de).toBeTruthy();
      }
      expect((await call(field, 'GET', '/api/v1/alarms')).statusCode).toBe(403);
      expect((await raise({}, undefined, leitstelle)).statusCode).toBe(403);
    });

    it('refuses positions outside the valid range, naming the field in German and English', async () => {
      const bad = [
        [{ lat: 91, lon: 0, accuracyM: 5 }, 'position.lat'],
        [{ lat: -90.5, lon: 0, accuracyM: 5 }, 'position.lat'],
        [{ lat: 0, lon: 180.1, accuracyM: 5 }, 'position.lon'],
        [{ lat: 0, lon: 0, accuracyM: -1 }, 'position.accuracyM'],
        [{ lat: 0, lon: 0, accuracyM: 100_001 }, 'position.accuracyM'],
        [{ lat: '50', lon: 0, accuracyM: 5 }, 'position.lat'],
      ] as const;
      for (const [position, name] of bad) {
        const answer = await raise({ position });
        expect(answer.statusCode, name).toBe(400);
        const error = answer.json().errors.find((e: { field: string }) => e.field === name);
        expect(error.message.de).toContain(`„${name}“`);
        expect(error.message.en).toContain(`'${name}'`);
      }
      const id = await raised();
      const update = await call(field, 'POST', `/api/v1/alarms/${id}/position`, {
        lat: 0,
        lon: -181,
        accuracyM: 5,
      });
      expect(update.statusCode).toBe(400);
      expect(update.json().errors[0].field).toBe('lon');
    });

    it('handles hostile text in the visit address without a 500', async () => {
      const nul = await raise({ visitAddress: 'Hauptstr.\u0000 1' });
      expect(nul.statusCode).toBe(400);
      expect(nul.json().errors[0].field).toBe('visitAddress');
      const surrogate = await raise({ visitAddress: 'Haupt\ud800str. 1' });
      expect(surrogate.statusCode).toBe(400);
      expect(surrogate.json().errors[0].field).toBe('visitAddress');
      const long = await raise({ visitAddress: 'x'.repeat(10_000) });
      expect(long.statusCode).toBe(400);
      expect(long.json().errors[0]).toMatchObject({ field: 'visitAddress', code: 'too_long' });
      const rtl = 'שדרות רוטשילד 1 \u202Eevil\u202C ‏Köln‎';
      const answer = await raise({ visitAddress: rtl });
      expect(answer.statusCode).toBe(201);
      expect(await onBoard(answer.json().id)).toMatchObject({ visitAddress: rtl });
      expect((await raise({ unknown: 1 })).statusCode).toBe(400);
      const badId = await call(leitstelle, 'POST', '/api/v1/alarms/1%27%20OR%201=1/acknowledge');
      expect(badId.statusCode).toBe(400);
      expect(badId.json().errors[0].field).toBe('id');
      const note = await call(leitstelle, 'POST', `/api/v1/alarms/${answer.json().id}/notes`, {
        note: 'y'.repeat(10_000),
      });
      expect(note.statusCode).toBe(400);
      expect(note.json().errors[0]).toMatchObject({ field: 'note', code: 'too_long' });
    });

    it('keeps the latest position and a short track, only for the raising employee', async () => {
      const id = await raised();
      for (let i = 1; i <= 25; i++) {
        t.clock.advance(15_000);
        const fix = { lat: 50.9 + i / 1000, lon: 6.9, accuracyM: i };
        const answer = await call(field, 'POST', `/api/v1/alarms/${id}/position`, fix);
        expect(answer.statusCode).toBe(200);
        expect(answer.json()).toMatchObject({ id, state: 'stored' });
      }
      const detail = (await call(leitstelle, 'GET', `/api/v1/alarms/${id}`)).json();
      expect(detail.position).toMatchObject({ lat: 50.925, accuracyM: 25 });
      expect(detail.track).toHaveLength(20);
      expect(detail.track.at(-1)).toMatchObject({ lat: 50.925 });
      const colleague = await signedIn(t, ['field']);
      const foreign = await call(colleague, 'POST', `/api/v1/alarms/${id}/position`, POSITION);
      expect(foreign.statusCode).toBe(404);
      const actions = (await auditOf(id)).map((e) => e.action);
      expect(actions.filter((a) => a === 'alarm.position')).toHaveLength(25);
      expect(actions).toContain('alarm.read');
    });

    it('lets exactly one of parallel handlers take an alarm, and says so to the phone', async () => {
      const id = await raised();
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          call(i % 2 ? leitstelle2 : leitstelle, 'POST', `/api/v1/alarms/${id}/acknowledge`),
        ),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
      const refused = answers.find((a) => a.statusCode === 409)!.json();
      expect(refused.code).toBe('alarm.already_acknowledged');
      expect(refused.detail.de).toContain('bereits übernommen');
      expect(refused.detail.en).toContain('already been taken');
      const winner = answers.find((a) => a.statusCode === 200)!.json();
      expect(winner.acknowledged.by.displayName).toMatch(/^Test User/);
      const audited = (await auditOf(id)).filter((e) => e.action === 'alarm.acknowledge');
      expect(audited).toHaveLength(1);
      // the phone sees that the control room has it — a function, not a person's name
      const mine = (await call(field, 'GET', '/api/v1/alarms/mine')).json().alarms;
      expect(mine.find((a: { id: string }) => a.id === id)).toMatchObject({
        state: 'acknowledged',
        acknowledgedBy: { de: 'Leitstelle', en: 'Control room' },
      });
      expect(JSON.stringify(mine)).not.toContain('Test User');
    });

    it('closes with an outcome and a note; a closed alarm cannot be taken or closed again', async () => {
      const id = await raised();
      const note = await call(leitstelle, 'POST', `/api/v1/alarms/${id}/notes`, {
        note: 'Rückruf: keine Antwort. Streife verständigt. ‏עברית‎',
      });
      expect(note.statusCode).toBe(200);
      expect(note.json().notes).toHaveLength(1);
      expect(
        (await call(leitstelle, 'POST', `/api/v1/alarms/${id}/notes`, { note: ' ' })).statusCode,
      ).toBe(400);
      const badOutcome = await call(leitstelle, 'POST', `/api/v1/alarms/${id}/close`, {
        outcome: 'solved',
      });
      expect(badOutcome.statusCode).toBe(400);
      expect(badOutcome.json().errors[0].field).toBe('outcome');
      const closed = await call(leitstelle, 'POST', `/api/v1/alarms/${id}/close`, {
        outcome: 'help_arrived',
        note: 'Streife vor Ort, Kollegin unverletzt.',
      });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({
        status: 'closed',
        closed: { as: 'help_arrived', note: 'Streife vor Ort, Kollegin unverletzt.' },
      });
      for (const path of ['acknowledge', 'close']) {
        const again = await call(leitstelle2, 'POST', `/api/v1/alarms/${id}/${path}`, {
          outcome: 'other',
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().code).toBe('alarm.closed');
        expect(again.json().detail).toMatchObject({
          de: 'Dieser Alarm ist bereits geschlossen.',
          en: 'This alarm is already closed.',
        });
      }
      const position = await call(field, 'POST', `/api/v1/alarms/${id}/position`, POSITION);
      expect(position.statusCode).toBe(409);
      const unknown = await call(leitstelle, 'POST', `/api/v1/alarms/${randomUUID()}/acknowledge`);
      expect(unknown.statusCode).toBe(404);
      expect((await auditOf(id)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['alarm.raise', 'alarm.note', 'alarm.close']),
      );
    });

    describe('cancelling with the PIN', () => {
      const PIN = '4711';
      const DURESS = '0815';
      beforeAll(async () => {
        expect(
          (await call(field, 'PUT', '/api/v1/alarms/pins', { pin: '12', duressPin: DURESS }))
            .statusCode,
        ).toBe(400);
        const same = await call(field, 'PUT', '/api/v1/alarms/pins', { pin: PIN, duressPin: PIN });
        expect(same.statusCode).toBe(400);
        expect(same.json().errors[0].field).toBe('duressPin');
        const set = await call(field, 'PUT', '/api/v1/alarms/pins', {
          pin: PIN,
          duressPin: DURESS,
        });
        expect(set.statusCode).toBe(200);
      });
      const cancel = (id: string, pin: string) =>
        call(field, 'POST', `/api/v1/alarms/${id}/cancel`, { pin });
      const shape = (body: Record<string, unknown>) => ({
        ...body,
        id: 'ID',
        raisedAt: 'T',
        closedAt: typeof body.closedAt,
      });

      it('closes with the alarm PIN; the board sees it was cancelled', async () => {
        const id = await raised();
        const answer = await cancel(id, PIN);
        expect(answer.statusCode).toBe(200);
        expect(answer.json()).toMatchObject({ id, state: 'closed' });
        expect(await onBoard(id)).toMatchObject({
          status: 'closed',
          duress: false,
          closed: { as: 'cancelled', by: { id: fieldId } },
        });
        expect((await cancel(id, PIN)).statusCode).toBe(409);
      });

      it('answers the duress PIN exactly like a cancel, but the board sees duress and the alarm stays open', async () => {
        const normalId = await raised();
        const normal = await cancel(normalId, PIN);
        const duressId = await raised();
        const duress = await cancel(duressId, DURESS);
        expect(duress.statusCode).toBe(normal.statusCode);
        expect(shape(duress.json())).toEqual(shape(normal.json()));
        expect(Object.keys(duress.headers).sort()).toEqual(Object.keys(normal.headers).sort());
        // the phone (whoever holds it) sees a closed alarm, now and after the control room acts
        const mine = async () =>
          (await call(field, 'GET', '/api/v1/alarms/mine'))
            .json()
            .alarms.find((a: { id: string }) => a.id === duressId);
        expect(await mine()).toMatchObject({ state: 'closed', acknowledgedBy: null });
        expect(JSON.stringify(await mine())).not.toMatch(/duress/i);
        expect((await cancel(duressId, PIN)).json().code).toBe('alarm.closed');
        // a position sent after the "cancel" is refused like after a real one, yet kept
        const moved = { lat: 51.0001, lon: 7.0001, accuracyM: 8 };
        const late = await call(field, 'POST', `/api/v1/alarms/${duressId}/position`, moved);
        const lateNormal = await call(field, 'POST', `/api/v1/alarms/${normalId}/position`, moved);
        expect(late.statusCode).toBe(409);
        expect(late.json()).toEqual({ ...lateNormal.json(), requestId: late.json().requestId });
        // the board sees the truth and can act on it
        expect(await onBoard(duressId)).toMatchObject({
          status: 'open',
          duress: true,
          duressAt: expect.any(String),
          closed: null,
          position: { ...moved, at: expect.any(String) },
        });
        const taken = await call(leitstelle, 'POST', `/api/v1/alarms/${duressId}/acknowledge`);
        expect(taken.statusCode).toBe(200);
        expect(await mine()).toMatchObject({ state: 'closed', acknowledgedBy: null });
        const cancels = (await auditOf(duressId)).filter((e) => e.action === 'alarm.cancel');
        expect(cancels.map((e) => e.details)).toEqual([{ duress: true }]);
      });

      it('counts wrong PINs and makes the phone wait after five; the alarm stays open meanwhile', async () => {
        const id = await raised();
        for (let i = 0; i < 6; i++) {
          const wrong = await cancel(id, '9999');
          expect(wrong.statusCode).toBe(400);
          expect(wrong.json()).toMatchObject({
            code: 'alarm.pin_wrong',
            errors: [{ field: 'pin' }],
            detail: { de: 'Die PIN ist nicht richtig.', en: 'The PIN is not correct.' },
          });
        }
        const locked = await cancel(id, PIN);
        expect(locked.statusCode).toBe(429);
        expect(locked.json().code).toBe('alarm.pin_throttled');
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
        expect(await onBoard(id)).toMatchObject({ status: 'open' });
        // the duress PIN is throttled alike: nothing tells it apart
        expect((await cancel(id, DURESS)).statusCode).toBe(429);
        const refused = (await auditOf(id)).filter((e) => e.action === 'alarm.cancel_refused');
        expect(refused).toHaveLength(8);
        t.clock.advance(2_000);
        expect((await cancel(id, PIN)).statusCode).toBe(200);
        // the right PIN forgets the failures
        const next = await raised();
        expect((await cancel(next, '0000')).statusCode).toBe(400);
        expect((await cancel(next, PIN)).statusCode).toBe(200);
      });

      it('changes the PINs only with the current one', async () => {
        const change = (body: object) => call(field, 'PUT', '/api/v1/alarms/pins', body);
        const missing = await change({ pin: '1234', duressPin: '5678' });
        expect(missing.statusCode).toBe(400);
        expect(missing.json().errors[0].field).toBe('currentPin');
        expect(
          (await change({ pin: '1234', duressPin: '5678', currentPin: DURESS })).statusCode,
        ).toBe(400);
        expect((await change({ pin: '1234', duressPin: '5678', currentPin: PIN })).statusCode).toBe(
          200,
        );
        expect((await change({ pin: PIN, duressPin: DURESS, currentPin: '1234' })).statusCode).toBe(
          200,
        );
      });

      it('refuses a cancel without PINs set and a cancel of someone else’s alarm', async () => {
        const colleague = await signedIn(t, ['field']);
        const own = (await raiseOn(t.app, colleague, {})).json().id;
        const noPins = await call(colleague, 'POST', `/api/v1/alarms/${own}/cancel`, { pin: PIN });
        expect(noPins.statusCode).toBe(409);
        expect(noPins.json().code).toBe('alarm.pins_not_set');
        const foreign = await call(colleague, 'POST', `/api/v1/alarms/${await raised()}/cancel`, {
          pin: PIN,
        });
        expect(foreign.statusCode).toBe(404);
      });
    });
  });

  describe.skipIf(target.skip)(`silent alarm across a restart ${engineTitle(target)}`, () => {
    it('keeps an open alarm when the server stops and starts again on the same database', async () => {
      const database = await createTestDatabase(target.engine);
      const clock = createManualClock();
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      const start = async () => {
        const built = await buildApp({ config, database, clock });
        await built.app.ready();
        return built;
      };
      try {
        const first = await start();
        const t1 = { ...first, database, clock, close: async () => {} } as TestApp;
        const field = await signedIn(t1, ['field']);
        const leitstelle = await signedIn(t1, ['control_room']);
        const answer = await raiseOn(first.app, field, { position: POSITION });
        expect(answer.statusCode).toBe(201);
        const id = answer.json().id;
        await first.app.close();

        const second = await start();
        try {
          clock.advance(30_000);
          const board = await request(second.app, leitstelle, 'GET', '/api/v1/alarms');
          expect(board.json().alarms).toContainEqual(
            expect.objectContaining({
              id,
              status: 'open',
              ageSeconds: 30,
              position: expect.objectContaining({ lat: POSITION.lat }),
            }),
          );
          const taken = await request(
            second.app,
            leitstelle,
            'POST',
            `/api/v1/alarms/${id}/acknowledge`,
          );
          expect(taken.statusCode).toBe(200);
          const mine = await request(second.app, field, 'GET', '/api/v1/alarms/mine');
          expect(mine.json().alarms[0]).toMatchObject({ id, state: 'acknowledged' });
        } finally {
          await second.app.close();
        }
      } finally {
        await database.close();
      }
    }, 120_000);
  });
}
