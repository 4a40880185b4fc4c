import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IMPORT_MAX_ROWS } from '@zemag/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';

/** A user file of about 20 MB: more rows than an import may have, each with a long name. */
function largeUserFile(): string {
  const filler = 'x'.repeat(280);
  const lines = ['username;display_name;department_code;roles'];
  for (let i = 0; i < IMPORT_MAX_ROWS + 20_000; i += 1) {
    lines.push(`user${i};Name ${i} ${filler};;`);
  }
  return lines.join('\n');
}

/** One request over a real socket; resolves with status and body once the answer is complete. */
function request(
  agent: http.Agent,
  port: number,
  options: { method: string; path: string; cookie?: string; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

for (const target of engines) {
  describe.skipIf(target.skip)(`a large CSV import ${engineTitle(target)}`, () => {
    let t: TestApp;
    let admin: string;
    let port: number;
    const agent = new http.Agent({ keepAlive: true });
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      admin = (await signIn(t.app, await createTestUser(t, { roles: ['admin'] }))).cookie;
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      port = (t.app.server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      agent.destroy();
      await t?.close();
    });

    it('answers a health check issued while the file is read before the import answers', async () => {
      const body = JSON.stringify({ csv: largeUserFile(), dryRun: true });
      // A kept-alive connection for the health check, so it needs no new connection later.
      expect((await request(agent, port, { method: 'GET', path: '/healthz' })).status).toBe(200);

      const finished: string[] = [];
      let health: Promise<unknown> | undefined;
      const onHandler = (message: unknown) => {
        const { route } = message as { route: { url: string } };
        if (route.url !== '/api/v1/imports/users' || health) return;
        // The import's handler starts reading the file now: ask for health at this moment.
        health = request(agent, port, { method: 'GET', path: '/healthz' }).then((r) => {
          expect(r.status).toBe(200);
          finished.push('health');
        });
      };
      diagnostics.subscribe('tracing:fastify.request.handler:start', onHandler);
      try {
        const imported = await request(new http.Agent(), port, {
          method: 'POST',
          path: '/api/v1/imports/users',
          cookie: admin,
          body,
        });
        finished.push('import');
        await health;
        expect(imported.status).toBe(200);
        expect(JSON.parse(imported.body)).toMatchObject({
          applied: false,
          errors: [{ code: 'csv.too_many_rows' }],
        });
      } finally {
        diagnostics.unsubscribe('tracing:fastify.request.handler:start', onHandler);
      }
      expect(finished).toEqual(['health', 'import']);
    });

    it('still refuses a body over the import limit', async () => {
      const response = await request(new http.Agent(), port, {
        method: 'POST',
        path: '/api/v1/imports/users',
        cookie: admin,
        body: JSON.stringify({ csv: 'x'.repeat(27 * 1024 * 1024), dryRun: true }),
      });
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'request.body_too_large' });
    });
  });
}
