import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  runCli,
  startServer,
  waitForOutput,
  type RunningServer,
} from '../../test-support/processes.js';

describe('the server process with ZEMAG_DEMO=1', () => {
  const running: RunningServer[] = [];
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-demo-proc-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(() => assertBuilt());
  afterEach(async () => {
    for (const server of running.splice(0))
      if (server.process.exitCode === null) await server.stop('SIGKILL');
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds Musterstadt on an empty database, prints the demo hint instead of a setup link, and starts the seeded database as it is', async () => {
    const env = { ZEMAG_DATA_DIR: dataDir(), ZEMAG_DEMO: '1' };
    const first = await startServer(env);
    running.push(first);
    await waitForOutput(first, /Demo mode: Musterstadt[^\n]*seeded just now/);
    expect(first.output()).not.toContain('/setup#token=');
    const demo = await (await fetch(`${first.baseUrl}/api/v1/demo`)).json();
    expect(demo.enabled).toBe(true);
    expect(demo.accounts).toHaveLength(13);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startServer(env);
    running.push(second);
    await waitForOutput(second, /Demo mode: Musterstadt/);
    expect(second.output()).not.toContain('seeded just now');
    const signIn = await fetch(`${second.baseUrl}/api/v1/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo.leitstelle' }),
    });
    expect(signIn.status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 180_000);

  it('refuses to start on a database with real accounts, and in production', async () => {
    const dir = dataDir();
    const created = await runCli(
      ['admin', 'create', '--username', 'it.admin', '--display-name', 'IT', '--password-stdin'],
      { ZEMAG_DATA_DIR: dir },
      'ein sehr langes Passwort\n',
    );
    expect(created.code).toBe(0);
    await expect(startServer({ ZEMAG_DATA_DIR: dir, ZEMAG_DEMO: '1' })).rejects.toThrow(
      /server exited with 78[\s\S]*ZEMAG_DEMO is on, but this database is not a demo/,
    );

    await expect(
      startServer({
        ZEMAG_DATA_DIR: dataDir(),
        ZEMAG_DEMO: '1',
        NODE_ENV: 'production',
        ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
        ZEMAG_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      }),
    ).rejects.toThrow(/server exited with 78[\s\S]*ZEMAG_DEMO: demo mode/);
  }, 180_000);
});
