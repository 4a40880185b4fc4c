import { generateKeyPairSync } from 'node:crypto';
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
