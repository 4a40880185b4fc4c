import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestDatabase } from '../test-support/test-database.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../test-support/test-app.js';
import { accessPlugin } from './access.js';
import { createSessionCookie } from './session-cookie.js';

describe('API conventions', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>ZeMAG</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
    t = await buildTestApp({ env: { ZEMAG_WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('declares a permission on every route', () => {
    const table = t.app.routeAccessTable();
    expect(table.length).toBeGreaterThan(5);
    expect(table.filter((route) => route.permission === undefined)).toEqual([]);
  });

  it('refuses to start with a route that declares no permission', async () => {
    const app = Fastify();
    await app.register(accessPlugin, {
      identity: t.services.identity,
      cookie: createSessionCookie({ secure: false }),
    });
    app.get('/api/v1/forgotten', async () => ({ secret: true }));
    await expect(app.ready()).rejects.toThrow(
      'Routes without a declared permission: GET /api/v1/forgotten',
    );
  });

  it('answers every non-public API route with 401 when nobody is signed in', async () => {
    const guarded = t.app
      .routeAccessTable()
      .filter(
        (r) => r.url.startsWith('/api/v1/') && r.permission !== 'public' && r.method !== 'HEAD',
      );
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const response = await t.app.inject({ method: route.method as 'GET', url: route.url });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });

  it('documents the API as OpenAPI with the session cookie as default security and public routes open', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.components.securitySchemes.sessionCookie).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'zemag_session',
    });
    expect(doc.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths['/api/v1/session'].post.security).toEqual([]);
    expect(doc.paths['/api/v1/session'].get.security).toBeUndefined();
    expect(
      doc.paths['/api/v1/session'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['username', 'password']);
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('marks API answers no-store and sends security headers on every response', async () => {
    for (const url of ['/api/v1/setup', '/api/v1/session', '/api/v1/nothing-here', '/readyz']) {
      const response = await t.app.inject({ url });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    for (const url of ['/api/v1/setup', '/', '/assets/app-1234.js']) {
      const h = (await t.app.inject({ url })).headers;
      expect(h['x-content-type-options'], url).toBe('nosniff');
      expect(h['referrer-policy'], url).toBe('no-referrer');
      const csp = String(h['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(h['strict-transport-security'], 'no HSTS over plain http').toBeUndefined();
    }
  });

  it('sends HSTS and a __Host- cookie when served over https', async () => {
    const database = await createTestDatabase('pglite');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
    });
    const { app, services } = await buildApp({ config, database });
    try {
      const who = await createTestUser({ services, database });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: who.username, password: who.password },
      });
      expect(response.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(response.cookies[0]).toMatchObject({
        name: '__Host-zemag_session',
        secure: true,
        path: '/',
        httpOnly: true,
      });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers broken input with problem+json naming the cause, never 500', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed_body');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=a',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.headers['content-type']).toContain('application/problem+json');
    const notFound = await t.app.inject({ url: '/api/v1/does-not-exist' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().code).toBe('resource.not_found');
  });

  it('never answers 500 to arbitrary JSON sent to the public endpoints', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/v1/session', '/api/v1/setup/admin'),
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              username: fc.jsonValue(),
              password: fc.jsonValue(),
              token: fc.jsonValue(),
              displayName: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        async (url, body) => {
          const response = await t.app.inject({
            method: 'POST',
            url,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
          expect(response.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a state-changing request sent from another origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'a', password: 'b' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('request.cross_origin');
  });

  it('serves the web app: hashed assets cached for a year, pages revalidated, unknown paths get the app', async () => {
    const asset = await t.app.inject({ url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.app.inject({ url: '/setup' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>ZeMAG</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const traversal = await t.app.inject({ url: '/assets/..%2f..%2f..%2fetc%2fpasswd' });
    expect(traversal.body).not.toContain('root:');
  });

  it('reports health and readiness', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});

describe('logs', () => {
  it('carry request ids but no user names, passwords, cookies or client addresses', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const database = await createTestDatabase('pglite');
    const config = loadConfig({ LOG_LEVEL: 'info' });
    const { loggerOptions } = await import('../logger.js');
    const { app, services } = await buildApp(
      { config, database },
      { logger: { ...(loggerOptions(config) as object), stream } },
    );
    try {
      const who = await createTestUser(
        { services, database },
        { password: 'geheimes passwort 42' },
      );
      const { cookie } = await signIn(app, who);
      await app.inject({
        url: '/api/v1/session?name=Mustermann',
        headers: { cookie },
        remoteAddress: '10.1.2.3',
      });
      const log = lines.join('\n');
      expect(log).toMatch(/"reqId":"[0-9a-f-]{36}"/);
      expect(log).toContain('"route":"/api/v1/session"');
      for (const secret of [
        who.username,
        who.password,
        cookie.split('=')[1]!,
        'Mustermann',
        '10.1.2.3',
      ]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
      await database.close();
    }
  });
});
