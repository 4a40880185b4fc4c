import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretKeySource } from '../../config.js';

const VERSION = 'v1';

/** Encrypts short secrets (TOTP keys) at rest with AES-256-GCM; the output is `v1.<iv>.<tag>.<ciphertext>`. */
export function encryptSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The owner's id as associated data: a secret copied to another user's row does not decrypt.
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Reverses encryptSecret; throws when the key, the context or the stored value is wrong. */
export function decryptSecret(key: Buffer, stored: string, context: string): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new Error('unknown secret format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/**
 * The key, read once on first use: from the configuration, from the data folder's
 * `secret.key` (created with mode 0600 when missing), or random for a test process.
 */
export function lazySecretKey(source: SecretKeySource): () => Buffer {
  let key: Buffer | undefined;
  return () => {
    key ??= loadKey(source);
    return key;
  };
}

function loadKey(source: SecretKeySource): Buffer {
  if (source.kind === 'key') return source.key;
  if (source.kind === 'ephemeral') return randomBytes(32);
  try {
    const stored = Buffer.from(fs.readFileSync(source.path, 'utf8').trim(), 'base64');
    if (stored.length !== 32) throw new Error(`${source.path} does not hold a 32-byte key`);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  fs.mkdirSync(path.dirname(source.path), { recursive: true });
  // `wx`: two processes starting at once never overwrite each other's key.
  try {
    fs.writeFileSync(source.path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadKey(source);
    throw error;
  }
  return key;
}
