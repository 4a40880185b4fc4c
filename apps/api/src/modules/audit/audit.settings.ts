import path from 'node:path';
import {
  AuditKeyError,
  ensureDemoSigningKey,
  readSigningKey,
  type AuditSigningKey,
} from './audit.signing-key.js';

/**
 * Where the audit checkpoints are signed and kept (README, "Audit log"):
 * - `ZEMAG_AUDIT_SIGNING_KEY_FILE`: an Ed25519 private key in PEM (`openssl genpkey -algorithm
 *   ed25519`), never in the database. Required in production; demo mode makes one in the data
 *   folder; elsewhere without it no checkpoints are written (`audit verify` checks the chain).
 * - `ZEMAG_AUDIT_CHECKPOINTS`: the file they are appended to, default
 *   `<ZEMAG_DATA_DIR>/audit-checkpoints.jsonl`.
 * - `ZEMAG_AUDIT_CHECKPOINT_MINUTES`: how often the server signs the head, default 60.
 */
export interface AuditSettings {
  signingKeyFile: string | null;
  /** Demo mode: the key file is made if it is not there. */
  createKey: boolean;
  checkpointsFile: string;
  checkpointMinutes: number;
}

export const DEFAULT_CHECKPOINT_MINUTES = 60;
const MAX_CHECKPOINT_MINUTES = 24 * 60;

export function readAuditSettings(
  env: Record<string, string | undefined>,
  {
    dataDir,
    cwd,
    production,
    demo,
  }: { dataDir: string; cwd: string; production: boolean; demo: boolean },
  problems: string[],
): AuditSettings {
  const keyFile = env.ZEMAG_AUDIT_SIGNING_KEY_FILE?.trim();
  const checkpoints = env.ZEMAG_AUDIT_CHECKPOINTS?.trim();
  const minutesText = env.ZEMAG_AUDIT_CHECKPOINT_MINUTES?.trim();
  let checkpointMinutes = DEFAULT_CHECKPOINT_MINUTES;
  if (minutesText) {
    const minutes = Number(minutesText);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_CHECKPOINT_MINUTES) {
      problems.push(
        `ZEMAG_AUDIT_CHECKPOINT_MINUTES: a whole number of minutes from 1 to ${MAX_CHECKPOINT_MINUTES}`,
      );
    } else checkpointMinutes = minutes;
  }
  const settings: AuditSettings = {
    signingKeyFile: keyFile ? path.resolve(cwd, keyFile) : null,
    createKey: false,
    checkpointsFile: checkpoints
      ? path.resolve(cwd, checkpoints)
      : path.join(dataDir, 'audit-checkpoints.jsonl'),
    checkpointMinutes,
  };
  if (settings.signingKeyFile) {
    try {
      readSigningKey(settings.signingKeyFile);
    } catch (error) {
      if (!(error instanceof AuditKeyError)) throw error;
      problems.push(error.message.split('\n').at(-1) ?? error.message);
    }
  } else if (production) {
    problems.push(
      'ZEMAG_AUDIT_SIGNING_KEY_FILE: required in production (an Ed25519 key outside the database, made with `openssl genpkey -algorithm ed25519 -out audit-signing.pem`): it signs the audit checkpoints',
    );
  } else if (demo) {
    settings.signingKeyFile = path.join(dataDir, 'audit-signing-key.pem');
    settings.createKey = true;
  }
  return settings;
}

/** The configured key (made first in demo mode), or null when checkpoints are off. */
export function loadAuditSigningKey(settings: AuditSettings): AuditSigningKey | null {
  if (!settings.signingKeyFile) return null;
  return settings.createKey
    ? ensureDemoSigningKey(settings.signingKeyFile)
    : readSigningKey(settings.signingKeyFile);
}
