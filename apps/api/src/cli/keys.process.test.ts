import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../db/database.js';
import { assertBuilt, runCli, startServer } from '../test-support/processes.js';

/** A narrative of the demo register (demo.register.data.ts). */
const DEMO_NARRATIVE = 'mit einem Messer zu kommen';

/**
 * `npm run -s zemag -- keys rotate` as a process on the embedded database with keys made by
 * openssl as the README says: the JSON summary, a refused new key file, a start with the old
 * key refused with exit 78 naming the setting, a start with the new key, and a dump that holds
 * no narrative.
 */
describe('zemag keys rotate on the embedded database (process)', () => {
  let root: string;
  let env: Record<string, string>;
  let oldKey: string;
  let newKey: string;

  beforeAll(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-keys-process-'));
    oldKey = path.join(root, 'data-old.key');
    newKey = path.join(root, 'data-new.key');
    for (const file of [oldKey, newKey]) {
      fs.writeFileSync(file, execFileSync('openssl', ['rand', '-base64', '32']), { mode: 0o600 });
    }
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ZEMAG_DATA_DIR: path.join(root, 'data'),
      ZEMAG_DELETION_LEDGER: path.join(root, 'deletion-ledger.jsonl'),
      ZEMAG_DATA_KEY_FILE: oldKey,
    };
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const lastLine = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').at(-1)!);

  async function storedNarratives() {
    const database = await openDatabase({ kind: 'pglite', dataDir: env.ZEMAG_DATA_DIR! });
    try {
      return rowsOf<{ description: string }>(
        await database.db.execute(sql`select description from incidents where description <> ''`),
      ).map((r) => r.description);
    } finally {
      await database.close();
    }
  }

  it('re-encrypts under the new key; the old key no longer starts the server, the new one does', async () => {
    const seeded = await runCli(['demo', 'seed'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const before = await storedNarratives();
    expect(before.length).toBeGreaterThan(5);
    expect(before.join('\n')).not.toContain(DEMO_NARRATIVE);
    expect(before.every((d) => d.startsWith('enc:v1:1:'))).toBe(true);

    const missing = await runCli(['keys', 'rotate', '--new-key-file', `${newKey}.typo`], env);
    expect(missing.code).toBe(78);
    expect(missing.stderr).toMatch(/ZEMAG_DATA_KEY_FILE: the key file .*\.typo cannot be read/);

    const rotated = await runCli(['keys', 'rotate', '--new-key-file', newKey], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(lastLine(rotated.stdout)).toMatchObject({
      rewrapped: 1,
      new_data_key: 2,
      retired: [1],
    });
    expect(lastLine(rotated.stdout).resealed).toBeGreaterThanOrEqual(before.length);
    const after = await storedNarratives();
    expect(after.join('\n')).not.toContain(DEMO_NARRATIVE);
    expect(after.every((d) => d.startsWith('enc:v1:2:'))).toBe(true);

    // the configuration still names the old key: the start is refused, naming what to do
    await expect(startServer(env)).rejects.toThrow(
      /server exited with 78:[\s\S]*ZEMAG_DATA_KEY_FILE holds key [0-9a-f]{16} \(after `keys rotate`, configure the new key\)/,
    );
    // run again with the same new key: nothing left to do, and still the same summary shape
    const again = await runCli(['keys', 'rotate', '--new-key-file', newKey], env);
    expect(again.code, again.stderr).toBe(0);
    expect(lastLine(again.stdout)).toMatchObject({ rewrapped: 0, new_data_key: null, resealed: 0 });

    const server = await startServer({ ...env, ZEMAG_DATA_KEY_FILE: newKey, LOG_LEVEL: 'info' });
    try {
      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(fs.statSync(oldKey).mode & 0o777).toBe(0o600);
  });
});
