import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of free-text fields (README "Encryption at rest"), pure functions only:
 * - a key-encryption key (KEK, 32 bytes) comes from the configuration and never reaches the
 *   database; it wraps the data keys;
 * - data keys (DEKs, 32 bytes) are stored wrapped in `data_keys`, each with its id;
 * - a field is stored as `enc:v1:<dekId>:<iv>:<ciphertext>:<tag>` (base64url parts), sealed
 *   with AES-256-GCM and the column and row id as associated data, so a value copied to another
 *   row or column does not open.
 */

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FIELD_PREFIX = 'enc:v1:';
const WRAP_PREFIX = 'kw1:';
const B64URL = '[A-Za-z0-9_-]';
const SEALED = new RegExp(
  `^enc:v1:([1-9][0-9]{0,8}):(${B64URL}{16}):(${B64URL}*):(${B64URL}{22})$`,
);

/** A key or a stored value that cannot be used; the message is German, then English. */
export class DataKeyError extends Error {
  constructor(german: string, english: string) {
    super(`${german}\n${english}`);
    this.name = 'DataKeyError';
  }
}

/**
 * A KEK as written in its file: 32 bytes in base64 (`openssl rand -base64 32`) or in hex
 * (`openssl rand -hex 32`); surrounding white space is ignored.
 */
export function parseKeyText(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(t) || /^[A-Za-z0-9_-]{43}$/.test(t)) {
    const key = Buffer.from(
      t,
      t.includes('+') || t.includes('/') || t.endsWith('=') ? 'base64' : 'base64url',
    );
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}

/** Names a KEK without revealing it: 16 hex digits of SHA-256 over a label and the key. */
export function kekIdOf(kek: Buffer): string {
  return createHash('sha256')
    .update('zemag data key-encryption key\0')
    .update(kek)
    .digest('hex')
    .slice(0, 16);
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function gcmOpen(key: Buffer, parts: { iv: Buffer; ciphertext: Buffer; tag: Buffer }, aad: string) {
  const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
}

const wrapAad = (dekId: number) => `zemag:data-key:${dekId}`;

/** A new random data key. */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** The data key wrapped by the KEK: `kw1:<iv>:<ciphertext>:<tag>`, bound to its id. */
export function wrapDataKey(kek: Buffer, dekId: number, dek: Buffer): string {
  const { iv, ciphertext, tag } = gcmSeal(kek, dek, wrapAad(dekId));
  return `${WRAP_PREFIX}${[iv, ciphertext, tag].map((b) => b.toString('base64url')).join(':')}`;
}

/** Reverses wrapDataKey; a wrong KEK, id or edited value throws a DataKeyError. */
export function unwrapDataKey(kek: Buffer, dekId: number, wrapped: string): Buffer {
  const parts = wrapped.startsWith(WRAP_PREFIX) ? wrapped.slice(WRAP_PREFIX.length).split(':') : [];
  try {
    if (parts.length !== 3) throw new Error('format');
    const [iv, ciphertext, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [
      Buffer,
      Buffer,
      Buffer,
    ];
    const dek = gcmOpen(kek, { iv, ciphertext, tag }, wrapAad(dekId));
    if (dek.length !== KEY_BYTES) throw new Error('length');
    return dek;
  } catch {
    throw new DataKeyError(
      `Datenschlüssel ${dekId} lässt sich mit dem Schlüssel ${kekIdOf(kek)} nicht öffnen (falscher Schlüssel in ZEMAG_DATA_KEY_FILE oder veränderte Tabelle data_keys).`,
      `Data key ${dekId} cannot be unwrapped with key ${kekIdOf(kek)} (wrong key in ZEMAG_DATA_KEY_FILE, or the table data_keys was changed).`,
    );
  }
}

/** What binds a value to its place: the column and the row id. */
export function fieldAad(column: string, rowId: string): string {
  return `zemag:field:${column}:${rowId}`;
}

/** The stored form of a field value. */
export function sealText(dek: Buffer, dekId: number, plaintext: string, aad: string): string {
  const { iv, ciphertext, tag } = gcmSeal(dek, Buffer.from(plaintext, 'utf8'), aad);
  return `${FIELD_PREFIX}${dekId}:${[iv, ciphertext, tag].map((b) => b.toString('base64url')).join(':')}`;
}

/** The data key id of a sealed value, or null for a value still in plain text. */
export function sealedKeyId(stored: string): number | null {
  const match = SEALED.exec(stored);
  return match ? Number(match[1]) : null;
}

/** True when the value has the sealed form (whether or not it opens). */
export function isSealed(stored: string): boolean {
  return SEALED.test(stored);
}

/**
 * The plain text of a stored value. A value that is not in the sealed form is returned as it
 * is (rows written before encryption, until they are sealed at the next start). A sealed
 * value that does not open — unknown key, other row or column, edited — throws.
 */
export function openText(
  keyOf: (dekId: number) => Buffer | undefined,
  stored: string,
  aad: string,
): string {
  const match = SEALED.exec(stored);
  if (!match) return stored;
  const dekId = Number(match[1]);
  const dek = keyOf(dekId);
  if (!dek) {
    throw new DataKeyError(
      `Datenschlüssel ${dekId} ist nicht bekannt: der Wert lässt sich nicht entschlüsseln.`,
      `Data key ${dekId} is unknown: the value cannot be decrypted.`,
    );
  }
  const [iv, ciphertext, tag] = [match[2]!, match[3]!, match[4]!].map((p) =>
    Buffer.from(p, 'base64url'),
  ) as [Buffer, Buffer, Buffer];
  try {
    return gcmOpen(dek, { iv, ciphertext, tag }, aad).toString('utf8');
  } catch {
    throw new DataKeyError(
      'Ein verschlüsselter Wert lässt sich nicht öffnen: er wurde verändert oder gehört zu einer anderen Zeile oder Spalte.',
      'An encrypted value does not open: it was changed, or it belongs to another row or column.',
    );
  }
}
