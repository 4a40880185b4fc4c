import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chainLines, LEDGER_GENESIS } from './modules/deletion/ledger-file.js';
import {
  assertBuilt,
  runCli,
  startServer,
  waitForOutput,
  type RunningServer,
} from './test-support/processes.js';

const admin = [
  'admin',
  'create',
  '--username',
  'it.admin',
  '--display-name',
  'IT-Leitstelle',
  '--password-stdin',
];
const password = 'ein sehr langes Passwort\n';

/** Files and folders under `dir` that users other than the owner may use. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if ((stat.mode & 0o077) !== 0)
      found.push(`${path.relative(dir, entry)} ${stat.mode.toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
  return found;
}

/** Opens `dir` to everyone like the releases before the fix did; returns how many entries. */
function loosen(dir: string): number {
  let count = 0;
  const visit = (entry: string) => {
    const directory = fs.statSync(entry).isDirectory();
    fs.chmodSync(entry, directory ? 0o755 : 0o666);
    count += 1;
    if (directory) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
  return count;
}

describe('the server process on the embedded database', () => {
  const running: RunningServer[] = [];
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-proc-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(() => assertBuilt());
  afterEach(async () => {
    for (const server of running.splice(0))
      if (server.process.exitCode === null) await server.stop('SIGKILL');
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints a setup link that works, refuses the CLI while running, survives kill -9 and stops cleanly', async () => {
    const dir = dataDir();
    const env = { ZEMAG_DATA_DIR: dir };
    const first = await startServer(env);
    running.push(first);
    const [, token] = await waitForOutput(first, /\/setup#token=([A-Za-z0-9_-]+)/);
    expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);

    // Another process must not open the same folder: two writers corrupt PGlite.
    const refused = await runCli(admin, env, password);
    expect(refused.code).toBe(75);
    expect(refused.stderr).toContain('in use by another ZeMAG process');

    const created = await fetch(`${first.baseUrl}/api/v1/setup/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        username: 'erste.admin',
        displayName: 'Erste Admin',
        password: 'ein sehr langes Passwort',
      }),
    });
    expect(created.status).toBe(201);

    await first.stop('SIGKILL');
    const second = await startServer(env);
    running.push(second);
    expect((await fetch(`${second.baseUrl}/readyz`)).status).toBe(200);
    const signIn = await fetch(`${second.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'erste.admin', password: 'ein sehr langes Passwort' }),
    });
    expect(signIn.status).toBe(200);
    expect(second.output()).not.toContain('/setup#token=');

    expect(await second.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dir, 'zemag.lock'))).toBe(false);
  });

  // three starts of the embedded database, one of them a new one
  it(
    'keeps the embedded database to its own user, and closes a folder an older version left open',
    { timeout: 180_000 },
    async () => {
      const dir = path.join(dataDir(), 'data'); // the server creates it
      const env = { ZEMAG_DATA_DIR: dir };
      const first = await startServer(env);
      running.push(first);
      await waitForOutput(first, /\/setup#token=/);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(openToOthers(dir)).toEqual([]);
      expect(first.output()).not.toContain('open to other users');
      expect(await first.stop('SIGTERM')).toBe(0);
      expect(openToOthers(dir)).toEqual([]);

      // as a release before this fix left it: files 0666, folders 0755
      const loosened = loosen(dir);
      const cli = await runCli(admin, env, password);
      expect(cli.code).toBe(0);
      expect(cli.stderr).toContain(`Warning: ${loosened} files and folders in the data folder`);
      expect(openToOthers(dir)).toEqual([]);

      const again = loosen(dir);
      const second = await startServer(env);
      running.push(second);
      expect(second.output()).toContain(`"entries":${again}`);
      expect(second.output()).toContain('open to other users');
      expect(openToOthers(dir)).toEqual([]);
    },
  );

  it('does not start on an edited deletion ledger and names the file and the line', async () => {
    const dir = dataDir();
    const ledger = path.join(dir, 'deletion-ledger.jsonl');
    const at = '2026-03-01T10:00:00.000Z';
    const ids = ['0b8f2d4e-0000-4000-8000-000000000001', '0b8f2d4e-0000-4000-8000-000000000002'];
    const { text } = chainLines(
      { seq: 0, hash: LEDGER_GENESIS, size: 0 },
      ids.map((id) => ({ kind: 'person', id, rule: 'request.erasure', at, facts: {} })),
    );
    // Someone edits the second line by hand: another id, the hash left as it was.
    fs.writeFileSync(ledger, text.replace(ids[1]!, ids[1]!.replace(/2$/, '3')), { mode: 0o600 });

    const started = startServer({ ZEMAG_DATA_DIR: dir });
    await expect(started).rejects.toThrow(/^server exited with 65:/);
    const output = await started.catch((error: Error) => error.message);
    expect(output).toContain(`Das Löschprotokoll ${ledger} ist nicht mehr unverändert: Zeile 2`);
    expect(output).toContain(`The deletion ledger ${ledger} is no longer intact: ledger line 2`);
    expect(output).not.toContain('Server listening');
  });

  it('stops with a readable list when the configuration is wrong', async () => {
    await expect(
      startServer({ ZEMAG_DATA_DIR: dataDir(), PORT: 'abc', ZEMAG_SESSION_IDLE_MINUTES: '0' }),
    ).rejects.toThrow(
      /server exited with 78:\nInvalid configuration:\n {2}- PORT: .*\n {2}- ZEMAG_SESSION_IDLE_MINUTES: /,
    );
  });
});

describe('zemag admin create', () => {
  it('creates the first administrator once and refuses a second time', async () => {
    assertBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-cli-'));
    try {
      const env = { ZEMAG_DATA_DIR: dir };
      const first = await runCli(admin, env, password);
      expect(first).toMatchObject({
        code: 0,
        stdout: 'Administrator "it.admin" created. Sign in at the web app.\n',
      });
      const second = await runCli(
        [...admin.slice(0, 3), 'it.admin2', ...admin.slice(4)],
        env,
        password,
      );
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('Die Einrichtung ist bereits abgeschlossen');
      const short = await runCli(admin, { ZEMAG_DATA_DIR: path.join(dir, 'other') }, 'kurz\n');
      expect(short.code).toBe(64);
      expect(short.stderr).toMatch(/^password: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
