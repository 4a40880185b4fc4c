import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { loggerOptions } from '../logger.js';
import { createTestDatabase, engines, engineTitle } from '../test-support/test-database.js';
import { safeError, safeErrorLine } from './safe-error.js';

/** A name as it would be looked up or reported: it must never reach the server log. */
const SECRET = 'Zyxwvut-Geheimname';

for (const target of engines) {
  describe.skipIf(target.skip)(`the server log of a failed request ${engineTitle(target)}`, () => {
    let database: Database;
    let app: Awaited<ReturnType<typeof buildApp>>['app'];
    let log = '';

    beforeAll(async () => {
      database = await createTestDatabase(target.engine);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          log += chunk.toString('utf8');
          done();
        },
      });
      const built = await buildApp(
        { config, database, clock: createManualClock() },
        { logger: { ...(loggerOptions(config) as object), stream } },
      );
      app = built.app;
      // A service that fails inside the database with the request's input as a parameter: the
      // driver's error quotes the value in its message and carries it in `params`.
      built.services.identity.signIn = async ({ username }) => {
        await database.db.execute(sql`SELECT ${username}::integer AS n`);
        throw new Error('unreachable');
      };
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('logs a database error by class, code and request id, without the input, and gives the id to the client', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: SECRET, password: `${SECRET} password` },
      });
      expect(response.statusCode).toBe(500);
      const { requestId, code } = response.json<{ requestId: string; code: string }>();
      expect(code).toBe('server.internal');
      expect(response.body.toLowerCase()).not.toContain(SECRET.toLowerCase());

      expect(log).toContain('unhandled error');
      // The sign-in form lowers the user name's case before the service sees it.
      expect(log.toLowerCase()).not.toContain(SECRET.toLowerCase());
      const line = log.split('\n').find((l) => l.includes('unhandled error'))!;
      const entry = JSON.parse(line) as { reqId: string; requestId: string; err: object };
      expect(entry.reqId).toBe(requestId);
      expect(entry.requestId).toBe(requestId);
      // invalid_text_representation: the class of failure stays visible for support.
      expect(JSON.stringify(entry.err)).toContain('22P02');
    });
  });
}

describe('safeError', () => {
  it('keeps class, code and frames of a database error but neither its message nor its fields', () => {
    const cause = Object.assign(new Error(`Key (username)=(${SECRET}) already exists.`), {
      name: 'error',
      code: '23505',
      severity: 'ERROR',
      detail: `Key (username)=(${SECRET}) already exists.`,
    });
    const error = Object.assign(
      new Error(`Failed query: insert into users values ($1)\nparams: ${SECRET}`),
      {
        name: 'DrizzleQueryError',
        query: 'insert into users values ($1)',
        params: [SECRET],
        cause,
      },
    );
    const safe = safeError(error);
    expect(JSON.stringify(safe)).not.toContain(SECRET);
    expect(safe).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'database error',
      cause: { code: '23505', message: 'database error (SQLSTATE 23505)' },
    });
    expect(safe.stack).toMatch(/^\s+at /);
    expect(safeErrorLine(error)).not.toContain(SECRET);
    expect(safeErrorLine(error)).toContain('23505');
  });

  it('keeps the message of a programming error', () => {
    expect(safeError(new TypeError('x is not a function'))).toMatchObject({
      type: 'TypeError',
      message: 'x is not a function',
    });
  });
});
