import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditKeyError, ensureDemoSigningKey, readSigningKey } from './audit.signing-key.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-audit-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('the checkpoint signing key', () => {
  it('reads an Ed25519 key as openssl genpkey writes it (PKCS#8 PEM)', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const file = write('ed.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const key = readSigningKey(file);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    // the same key gives the same id
    expect(readSigningKey(file).keyId).toBe(key.keyId);
  });

  it('refuses a missing file, text that is no key, and a key of another kind, naming the setting', () => {
    const { privateKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const cases = [
      path.join(dir, 'absent.pem'),
      write('garbage.pem', 'not a key\u0000'),
      write('rsa.pem', rsa.export({ type: 'pkcs8', format: 'pem' }).toString()),
      dir,
    ];
    for (const file of cases) {
      expect(() => readSigningKey(file)).toThrow(AuditKeyError);
      expect(() => readSigningKey(file)).toThrow(/ZEMAG_AUDIT_SIGNING_KEY_FILE/);
    }
    expect(() => readSigningKey(cases[2]!)).toThrow(/rsa.*Ed25519/s);
  });

  it('in demo mode creates a key readable by its owner alone, once', () => {
    const file = path.join(dir, 'demo', 'audit-signing-key.pem');
    const first = ensureDemoSigningKey(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureDemoSigningKey(file).keyId).toBe(first.keyId);
  });
});
