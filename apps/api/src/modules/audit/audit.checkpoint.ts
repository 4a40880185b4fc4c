import { sign, verify, type KeyObject } from 'node:crypto';
import type { AuditSigningKey } from './audit.signing-key.js';

/**
 * A signed checkpoint of the audit chain's head: "at this time the chain reached position
 * `position`, the event `seq`, with this hash". Written as one JSON line to a file outside the
 * database (audit.checkpoint-file.ts) that can be shipped elsewhere. A later chain that no
 * longer reaches the position (a cut-off tail) or has another hash there (a re-hashed suffix)
 * contradicts a signature the database cannot forge.
 *
 *   {"v":1,"position":1234,"seq":1240,"hash":"…","at":"2026-12-06T03:00:00.000Z",
 *    "key":"3f2a…","signature":"…"}
 *
 * `signature`: Ed25519 (base64) over the UTF-8 of the line's JSON without `signature`, keys in
 * the order above.
 */
export interface AuditCheckpoint {
  v: 1;
  position: number;
  seq: number;
  hash: string;
  /** ISO 8601, the service clock when it was signed. */
  at: string;
  /** The signing key's id (audit.signing-key.ts `keyIdOf`). */
  key: string;
  signature: string;
}

export interface ChainHead {
  position: number;
  seq: number;
  hash: string;
}

function signedPart(checkpoint: Omit<AuditCheckpoint, 'signature'>): Buffer {
  const { v, position, seq, hash, at, key } = checkpoint;
  return Buffer.from(JSON.stringify({ v, position, seq, hash, at, key }), 'utf8');
}

export function signCheckpoint(head: ChainHead, at: Date, key: AuditSigningKey): AuditCheckpoint {
  const unsigned = {
    v: 1 as const,
    position: head.position,
    seq: head.seq,
    hash: head.hash,
    at: at.toISOString(),
    key: key.keyId,
  };
  const signature = sign(null, signedPart(unsigned), key.privateKey).toString('base64');
  return { ...unsigned, signature };
}

export function checkpointSignatureValid(checkpoint: AuditCheckpoint, publicKey: KeyObject) {
  try {
    return verify(
      null,
      signedPart(checkpoint),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

/** A checkpoint line's fields, or the reason it is not one (its signature is checked apart). */
export function parseCheckpoint(line: string): AuditCheckpoint | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'no JSON';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'no JSON object';
  const c = value as Record<string, unknown>;
  const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
  if (c.v !== 1) return 'unknown version';
  if (!whole(c.position) || !whole(c.seq)) return 'position or seq is not a positive number';
  if (typeof c.hash !== 'string' || !HEX64.test(c.hash)) return 'hash is not 64 hex digits';
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) return 'at is not a time';
  if (typeof c.key !== 'string' || c.key === '') return 'no key id';
  if (typeof c.signature !== 'string' || c.signature === '') return 'unsigned';
  return {
    v: 1,
    position: c.position as number,
    seq: c.seq as number,
    hash: c.hash,
    at: c.at,
    key: c.key,
    signature: c.signature,
  };
}

/**
 * A checkpoint line the configured key vouches for, or the reason it is not one: its form, the
 * key it names, its signature. Without a key (null) nothing can be trusted.
 */
export function trustedCheckpoint(
  text: string,
  key: { publicKey: KeyObject; keyId: string } | null,
): AuditCheckpoint | string {
  const checkpoint = parseCheckpoint(text);
  if (typeof checkpoint === 'string') return checkpoint;
  if (!key) return 'no key';
  if (checkpoint.key !== key.keyId)
    return `names key ${checkpoint.key}, not the configured key ${key.keyId}`;
  if (!checkpointSignatureValid(checkpoint, key.publicKey)) {
    return 'the signature does not fit its content (changed or not signed with the key)';
  }
  return checkpoint;
}
