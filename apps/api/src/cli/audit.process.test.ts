import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startServer } from '../test-support/processes.js';

/**
 * `npm run -s zemag -- audit checkpoint` and `audit verify` as processes on the embedded
 * database, with a key made by openssl as the README says: the signed head, the JSON last line,
 * the exit codes, a checkpoint the server signs at shutdown, and a checkpoint file edited
 * behind its back.
 */
describe('zemag audit on the embedded database (process)', () => {
  let root: string;
  let env: Record<string, string>;
  let checkpoints: string;

  beforeAll(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-audit-process-'));
    const key = path.join(root, 'audit-signing.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', key]);
    checkpoints = path.join(root, 'shipped', 'audit-checkpoints.jsonl');
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ZEMAG_DATA_DIR: path.join(root, 'data'),
      ZEMAG_DELETION_LEDGER: path.join(root, 'deletion-ledger.jsonl'),
      ZEMAG_AUDIT_SIGNING_KEY_FILE: key,
      ZEMAG_AUDIT_CHECKPOINTS: checkpoints,
    };
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const lastLine = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').at(-1)!);

  it('signs at shutdown and on demand, verifies, and exits 1 on an edited checkpoint file', async () => {
    const server = await startServer({ ...env, LOG_LEVEL: 'info' });
    try {
      // something to audit: a failed sign-in
      const refused = await fetch(`${server.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl },
        body: JSON.stringify({ username: 'nobody', password: 'not the password at all' }),
      });
      expect(refused.status).toBe(401);
    } finally {
      await server.stop();
    }
    // the server signed the chain head of its start-up events when it stopped
    expect(fs.readFileSync(checkpoints, 'utf8').trim().split('\n')).toHaveLength(1);

    const signed = await runCli(['audit', 'checkpoint'], env);
    expect(signed.code).toBe(0);
    expect(lastLine(signed.stdout)).toMatchObject({ v: 1, signature: expect.any(String) });

    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code).toBe(0);
    expect(lastLine(verified.stdout)).toMatchObject({
      ok: true,
      first_bad_seq: null,
      checkpoints: 2,
      problem: null,
    });

    // a copy shipped elsewhere, then the local file edited
    const copy = path.join(root, 'copy.jsonl');
    fs.copyFileSync(checkpoints, copy);
    const lines = fs.readFileSync(checkpoints, 'utf8').trim().split('\n');
    const original = JSON.parse(lines[1]!) as { seq: number };
    const edited = { ...original, seq: original.seq + 1 };
    fs.writeFileSync(checkpoints, `${lines[0]}\n${JSON.stringify(edited)}\n`);
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(lastLine(broken.stdout)).toMatchObject({ ok: false, checkpoints: 1 });
    expect(lastLine(broken.stdout).problem).toMatch(/checkpoint line 2/);
    // the shipped copy still holds
    const fromCopy = await runCli(['audit', 'verify', '--checkpoints', copy], env);
    expect(fromCopy.code).toBe(0);
  }, 120_000);
});
