import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.js';

describe('data folder lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opener while the holder lives, and frees the folder on release', async () => {
    const dir = tempDir();
    // another live process holds the lock
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'zemag.lock'), String(holder.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(`(pid ${holder.pid})`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // its process is gone: the lock is stale and taken over
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'zemag.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'zemag.lock'))).toBe(false);
  });

  it('takes over a lock file with garbage in it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'zemag.lock'), 'not a pid');
    const release = acquireDataDirLock(dir);
    release();
  });
});
