import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, engineTitle } from '../test-support/test-database.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../test-support/test-app.js';
import { findUnstorableText } from './text-input.js';

describe('text the database cannot store', () => {
  it('names every field with U+0000 or a lone surrogate, by its path in the body', () => {
    const errors = findUnstorableText({
      reason: 'a\u0000b',
      persons: [{ familyName: 'ok' }, { familyName: 'M\ud800ller' }],
      ['k\udfff']: 'x',
      emoji: 'Jürgen 😀',
      combining: 'Mu\u0308ller \u202e',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['reason', 'invalid_characters'],
      ['persons.1.familyName', 'invalid_characters'],
      ['body', 'invalid_characters'],
    ]);
    expect(errors[0]?.message.de).toContain('Feld „reason“ enthält ein NUL-Zeichen');
    expect(errors[1]?.message.en).toContain('lone surrogate');
    expect(findUnstorableText('\ud83d', 'query')).toHaveLength(1);
    expect(findUnstorableText({ q: '😀' }, 'query')).toEqual([]);
  });
});

for (const target of engines) {
  describe.skipIf(target.skip)(`the text rule over HTTP ${engineTitle(target)}`, () => {
    let t: TestApp;
    let reporter: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      reporter = (await signIn(t.app, await createTestUser(t, { roles: ['reporter'] }))).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    /** A JSON text as a client writes it: escapes such as \u0000 stay escapes on the wire. */
    const postRaw = (url: string, json: string, cookie = '') =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        payload: json,
      });

    it('refuses an anonymous sign-in with U+0000 in the user name as 400 naming the field', async () => {
      const response = await postRaw(
        '/api/v1/session',
        String.raw`{"username":"a\u0000b","password":"x"}`,
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'request.invalid',
        errors: [
          {
            field: 'username',
            code: 'invalid_characters',
            message: { de: expect.stringContaining('„username“'), en: expect.any(String) },
          },
        ],
      });
    });

    it('refuses a lone surrogate escape in a nested field of a report', async () => {
      const response = await postRaw(
        '/api/v1/incidents',
        String.raw`{"occurredAt":"2026-01-15T07:30:00+01:00","place":{"description":"Flur"},"categories":["threat"],"level":2,"persons":[{"familyName":"M\ud800ller"}]}`,
        reporter,
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'persons.0.familyName', code: 'invalid_characters' }),
      ]);
    });

    it('refuses U+0000 in a query string and a path parameter', async () => {
      const query = await t.app.inject({
        url: '/api/v1/listings?status=a%00b',
        headers: { cookie: reporter },
      });
      // the reporter may not list: the access check answers first
      expect(query.statusCode).toBe(403);
      const param = await t.app.inject({
        url: '/api/v1/incidents/a%00b',
        headers: { cookie: reporter },
      });
      expect(param.statusCode).toBe(400);
      expect(param.json().errors).toEqual([
        expect.objectContaining({ field: 'id', code: 'invalid_characters' }),
      ]);
    });

    it('stores emoji, combining marks and direction marks exactly as sent', async () => {
      const text = 'Jürgen 😀 Mu\u0308ller \u202eabc\u202c 👩‍👩‍👧 𝔘';
      const submitted = await postRaw(
        '/api/v1/incidents',
        JSON.stringify({
          occurredAt: '2026-01-15T07:30:00+01:00',
          place: { description: text },
          categories: ['threat'],
          level: 2,
          description: text,
          persons: [{ familyName: text }],
        }),
        reporter,
      );
      expect(submitted.statusCode).toBe(201);
      const report = await t.app.inject({
        url: `/api/v1/incidents/${submitted.json().id}`,
        headers: { cookie: reporter },
      });
      expect(report.statusCode).toBe(200);
      const body = report.json();
      expect(JSON.stringify(body)).toContain(JSON.stringify(text).slice(1, -1));
    });
  });
}
