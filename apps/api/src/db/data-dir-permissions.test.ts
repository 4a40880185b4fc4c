import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makePrivate } from './data-dir-permissions.js';

describe('making the data folder private', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-perm-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const modeOf = (file: string) => fs.lstatSync(file).mode & 0o777;

  it('takes group and other permissions from every file and folder, keeps the owner’s', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'pgdata/base'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pgdata/base/1259'), 'Erika Mustermann 1980-01-01');
    fs.writeFileSync(path.join(dir, 'secret.key'), 'key');
    fs.chmodSync(path.join(dir, 'pgdata/base/1259'), 0o666);
    fs.chmodSync(path.join(dir, 'secret.key'), 0o600); // already private: not counted
    fs.chmodSync(path.join(dir, 'pgdata/base'), 0o755);
    fs.chmodSync(path.join(dir, 'pgdata'), 0o775);
    fs.chmodSync(dir, 0o755);

    expect(makePrivate(dir)).toEqual({ fixed: 4 });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, 'pgdata'))).toBe(0o700);
    expect(modeOf(path.join(dir, 'pgdata/base'))).toBe(0o700);
    expect(modeOf(path.join(dir, 'pgdata/base/1259'))).toBe(0o600);
    expect(modeOf(path.join(dir, 'secret.key'))).toBe(0o600);
    expect(makePrivate(dir)).toEqual({ fixed: 0 });
  });

  it('leaves the target of a symbolic link alone', () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'shared.txt');
    fs.writeFileSync(outside, 'not ours');
    fs.chmodSync(outside, 0o644);
    fs.symlinkSync(outside, path.join(dir, 'link'));
    fs.chmodSync(dir, 0o700);
    expect(makePrivate(dir)).toEqual({ fixed: 0 });
    expect(modeOf(outside)).toBe(0o644);
  });
});
