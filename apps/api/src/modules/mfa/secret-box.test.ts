import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, lazySecretKey } from './secret-box.js';

describe('secrets at rest (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const stored = encryptSecret(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(key, stored, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(encryptSecret(key, 'JBSWY3DPEHPK3PXP', 'user-1')).not.toBe(stored);
  });

  it('refuses another key, another owner and a changed ciphertext', () => {
    const stored = encryptSecret(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(() => decryptSecret(randomBytes(32), stored, 'user-1')).toThrow();
    expect(() => decryptSecret(key, stored, 'user-2')).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('AAAAAAAAAAAAAAAA').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'), 'user-1')).toThrow();
  });

  it('creates the key file once with mode 0600 and reads it again', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-key-'));
    const file = path.join(dir, 'data', 'secret.key');
    const first = lazySecretKey({ kind: 'file', path: file })();
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lazySecretKey({ kind: 'file', path: file })()).toEqual(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
