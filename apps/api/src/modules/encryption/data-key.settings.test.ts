import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../config.js';
import { loadConfig } from '../../config.js';
import { testAuditKeyFile } from '../../test-support/audit-key.js';
import { loadDataKek, TEST_DATA_KEY } from './data-key.settings.js';

const production = {
  NODE_ENV: 'production',
  ZEMAG_PUBLIC_URL: 'https://zemag.stadt.example',
  ZEMAG_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  ZEMAG_AUDIT_SIGNING_KEY_FILE: testAuditKeyFile(),
};
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-datakey-'));

describe('the data key setting (ZEMAG_DATA_KEY_FILE)', () => {
  it('is required in production and with PostgreSQL, naming the variable and how to make a key', () => {
    expect(problemsOf(production)).toEqual([
      expect.stringMatching(
        /^ZEMAG_DATA_KEY_FILE: required in production .*openssl rand -base64 32/,
      ),
    ]);
    expect(
      problemsOf({
        DATABASE_URL: 'postgres://zemag@db:5432/zemag',
        ZEMAG_SECRET_KEY: production.ZEMAG_SECRET_KEY,
        ZEMAG_DELETION_LEDGER: '/var/lib/zemag/d.jsonl',
      }),
    ).toEqual([expect.stringMatching(/^ZEMAG_DATA_KEY_FILE: required with DATABASE_URL/)]);
  });

  it('names a file that is missing, empty, too short or not a key, and accepts base64 and hex', () => {
    const dir = tmp();
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const cases = [
      [path.join(dir, 'missing.key'), /cannot be read \(ENOENT\)/],
      [write('empty.key', ''), /holds no key of 32 bytes/],
      [write('short.key', Buffer.alloc(16, 1).toString('base64')), /holds no key of 32 bytes/],
      [write('pem.key', '-----BEGIN PRIVATE KEY-----\nabc\n'), /holds no key of 32 bytes/],
    ] as const;
    for (const [file, problem] of cases) {
      const problems = problemsOf({ ...production, ZEMAG_DATA_KEY_FILE: file });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^ZEMAG_DATA_KEY_FILE: /);
      expect(problems[0]).toMatch(problem);
      expect(problems[0]).toContain(file);
    }
    for (const text of [
      Buffer.alloc(32, 3).toString('base64'),
      Buffer.alloc(32, 3).toString('hex'),
    ]) {
      const file = write('good.key', `${text}\n`);
      const config = loadConfig({ ...production, ZEMAG_DATA_KEY_FILE: file });
      expect(loadDataKek(config.dataKey).equals(Buffer.alloc(32, 3))).toBe(true);
    }
  });

  it('makes a key readable by the owner alone beside the embedded database, and keeps it', () => {
    const dataDir = path.join(tmp(), 'data');
    const config = loadConfig({ ZEMAG_DATA_DIR: dataDir, ZEMAG_DEMO: '1' });
    expect(config.dataKey).toEqual({
      kind: 'file',
      file: path.join(dataDir, 'data.key'),
      create: true,
    });
    const key = loadDataKek(config.dataKey);
    expect(fs.statSync(path.join(dataDir, 'data.key')).mode & 0o777).toBe(0o600);
    expect(loadDataKek(config.dataKey).equals(key)).toBe(true);
    expect(key.equals(TEST_DATA_KEY)).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).dataKey).toEqual({ kind: 'test' });
  });
});
