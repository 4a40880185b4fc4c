import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../test-support/test-app.js';
import { engines, engineTitle } from '../test-support/test-database.js';

const PUBLIC_URL = 'https://zemag.stadt.example';

/** Sends raw bytes to a listening server and resolves with everything it answers. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server closes after answering; a reset after the answer is fine.
      if (error.code === 'ECONNRESET' && chunks.length > 0)
        resolve(Buffer.concat(chunks).toString());
      else reject(error);
    });
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(bytes);
  });
}

/** Status, headers (lower-case names) and body of a raw HTTP/1.1 answer. */
function parseRaw(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [
      l.slice(0, l.indexOf(':')).toLowerCase(),
      l.slice(l.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

for (const target of engines) {
  describe.skipIf(target.skip)(`HTTP hardening ${engineTitle(target)}`, () => {
    let t: TestApp;
    let registrar: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      registrar = (await signIn(t.app, await createTestUser(t, { roles: ['registrar'] }))).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    it('marks API answers no-store by their route, however the path is spelled', async () => {
      for (const url of ['/%61pi/v1/setup', '/api/v1/setup', '/%68ealthz']) {
        const response = await t.app.inject({ url });
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['cache-control'], url).toBe('no-store');
      }
      const listings = await t.app.inject({
        url: '/%61pi/v1/listings',
        headers: { cookie: registrar },
      });
      expect(listings.statusCode).toBe(200);
      expect(listings.headers['cache-control']).toBe('no-store');
      // Unknown API paths, also spelled otherwise, answer a problem nobody keeps.
      const unknown = await t.app.inject({ url: '/%61pi/v1/nothing-here' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['cache-control']).toBe('no-store');
    });

    it('forbids framing with both headers alike', async () => {
      for (const url of ['/', '/api/v1/setup']) {
        const h = (await t.app.inject({ url })).headers;
        expect(h['x-frame-options'], url).toBe('DENY');
        expect(String(h['content-security-policy']), url).toContain("frame-ancestors 'none'");
      }
    });

    it('answers header fields too large and malformed requests with problem+json', async () => {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = t.app.server.address() as AddressInfo;
      const huge = await rawExchange(
        port,
        `GET /healthz HTTP/1.1\r\nHost: localhost\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      const tooLarge = parseRaw(huge);
      expect(tooLarge.status).toBe(431);
      expect(tooLarge.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(JSON.parse(tooLarge.body)).toMatchObject({
        status: 431,
        code: 'request.headers_too_large',
        detail: { de: expect.any(String), en: expect.any(String) },
        requestId: expect.any(String),
      });

      const malformed = parseRaw(await rawExchange(port, 'GET /\u0001 HTTP/9\r\n\r\n'));
      expect(malformed.status).toBe(400);
      expect(JSON.parse(malformed.body)).toMatchObject({ code: 'request.invalid' });
    });
  });
}

describe('the host a request is addressed to', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { ZEMAG_PUBLIC_URL: PUBLIC_URL, ZEMAG_ALLOWED_HOSTS: 'zemag.intern.example' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = (url: string, host: string) => t.app.inject({ url, headers: { host } });

  it('refuses a host name that is not the public URL’s with 421 problem+json', async () => {
    for (const host of ['evil.example', 'zemag.stadt.example.evil.example', '10.0.0.7:3000']) {
      const response = await get('/api/v1/setup', host);
      expect(response.statusCode, host).toBe(421);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'request.wrong_host' });
    }
    // The web app's pages too, so a rebound name gets nothing of ZeMAG.
    expect((await get('/', 'evil.example')).statusCode).toBe(421);
  });

  it('answers the public host, the extra names, and loopback names on any port', async () => {
    for (const host of [
      'zemag.stadt.example',
      'ZEMAG.Stadt.Example.',
      'zemag.stadt.example:443',
      'zemag.intern.example',
      'localhost:3000',
      '127.0.0.1:8080',
      '[::1]:3000',
    ]) {
      expect((await get('/api/v1/setup', host)).statusCode, host).toBe(200);
    }
  });

  it('lets load balancers probe health and readiness under any host', async () => {
    expect((await get('/healthz', '10.0.0.7:3000')).statusCode).toBe(200);
    expect((await get('/readyz', '10.0.0.7:3000')).statusCode).toBe(200);
  });

  it('accepts any host when no public URL is configured (development)', async () => {
    const open = await buildTestApp();
    try {
      const response = await open.app.inject({
        url: '/api/v1/setup',
        headers: { host: 'x.example' },
      });
      expect(response.statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('the API documentation setting', () => {
  it('answers 404 for the docs and the OpenAPI document when switched off', async () => {
    const t = await buildTestApp({ env: { ZEMAG_API_DOCS: 'false' } });
    try {
      for (const url of ['/api/docs', '/api/docs/', '/api/openapi.json']) {
        const response = await t.app.inject({ url });
        expect(response.statusCode, url).toBe(404);
        expect(response.json()).toMatchObject({ code: 'resource.not_found' });
      }
    } finally {
      await t.close();
    }
  });
});
