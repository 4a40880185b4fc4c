import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that signs audit checkpoints: an Ed25519 private key in a PEM file, as written by
 * `openssl genpkey -algorithm ed25519 -out audit-signing.pem`. It is read from the file named by
 * `ZEMAG_AUDIT_SIGNING_KEY_FILE` and never stored in the database: whoever can change the
 * database cannot also sign a new history.
 */
export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The first 16 hex digits of SHA-256 over the public key (DER): names the key in checkpoints. */
  keyId: string;
}

/** A key file that cannot be used; the message names the file, in German and English. */
export class AuditKeyError extends Error {
  constructor(german: string, english: string) {
    super(`${german}\n${english}`);
    this.name = 'AuditKeyError';
  }
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Reads and checks the key file: it must hold an Ed25519 private key. */
export function readSigningKey(file: string): AuditSigningKey {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AuditKeyError(
      `ZEMAG_AUDIT_SIGNING_KEY_FILE: die Schlüsseldatei ${file} ist nicht lesbar (${code}).`,
      `ZEMAG_AUDIT_SIGNING_KEY_FILE: the key file ${file} cannot be read (${code}).`,
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new AuditKeyError(
      `ZEMAG_AUDIT_SIGNING_KEY_FILE: ${file} enthält keinen privaten Schlüssel im PEM-Format (openssl genpkey -algorithm ed25519).`,
      `ZEMAG_AUDIT_SIGNING_KEY_FILE: ${file} holds no private key in PEM form (openssl genpkey -algorithm ed25519).`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AuditKeyError(
      `ZEMAG_AUDIT_SIGNING_KEY_FILE: ${file} ist ein ${privateKey.asymmetricKeyType ?? 'unbekannter'}-Schlüssel, gebraucht wird Ed25519.`,
      `ZEMAG_AUDIT_SIGNING_KEY_FILE: ${file} is a ${privateKey.asymmetricKeyType ?? 'unknown'} key; Ed25519 is needed.`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * Demo mode only: a new Ed25519 key in `file` (readable by the owner alone), unless one is there.
 * Production keys are made by the operator and kept apart from the data (README).
 */
export function ensureDemoSigningKey(file: string): AuditSigningKey {
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      // another process made it at the same moment: use theirs
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readSigningKey(file);
}
