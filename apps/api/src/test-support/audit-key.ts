import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let file: string | undefined;

/**
 * An Ed25519 checkpoint key for tests that configure production (where
 * ZEMAG_AUDIT_SIGNING_KEY_FILE is required): made once per process in the temp folder.
 */
export function testAuditKeyFile(): string {
  if (!file) {
    const { privateKey } = generateKeyPairSync('ed25519');
    file = path.join(os.tmpdir(), `zemag-test-audit-key-${process.pid}.pem`);
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return file;
}

let dataKeyFile: string | undefined;

/**
 * A data key-encryption key for tests that configure production or PostgreSQL (where
 * ZEMAG_DATA_KEY_FILE is required): 32 random bytes in base64, made once per process.
 */
export function testDataKeyFile(): string {
  if (!dataKeyFile) {
    dataKeyFile = path.join(os.tmpdir(), `zemag-test-data-key-${process.pid}.key`);
    fs.writeFileSync(dataKeyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return dataKeyFile;
}
