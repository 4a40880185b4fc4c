import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataKeyError, KEY_BYTES, newDataKey, parseKeyText } from './field-crypto.js';

/**
 * Where the key-encryption key of the field encryption comes from (README "Encryption at
 * rest"): `ZEMAG_DATA_KEY_FILE`, a file with 32 random bytes in base64 or hex
 * (`openssl rand -base64 32`). Required in production and with DATABASE_URL; on the embedded
 * database in development and demo mode the server makes `<ZEMAG_DATA_DIR>/data.key` (mode
 * 0600); tests use a fixed key.
 */
export type DataKeySettings = { kind: 'file'; file: string; create: boolean } | { kind: 'test' };

export const DATA_KEY_SETTING = 'ZEMAG_DATA_KEY_FILE';

/** The fixed key of test processes (NODE_ENV=test): never protects real data. */
export const TEST_DATA_KEY = createHash('sha256').update('zemag test data key').digest();

export function readDataKeySettings(
  env: Record<string, string | undefined>,
  {
    dataDir,
    cwd,
    nodeEnv,
    postgres,
  }: { dataDir: string; cwd: string; nodeEnv: string; postgres: boolean },
  problems: string[],
): DataKeySettings {
  const file = env[DATA_KEY_SETTING]?.trim();
  if (file) {
    const settings = { kind: 'file' as const, file: path.resolve(cwd, file), create: false };
    try {
      readKeyFile(settings.file);
    } catch (error) {
      if (!(error instanceof DataKeyError)) throw error;
      problems.push(error.message.split('\n').at(-1) ?? error.message);
    }
    return settings;
  }
  if (nodeEnv === 'test') return { kind: 'test' };
  if (nodeEnv === 'production' || postgres) {
    problems.push(
      `${DATA_KEY_SETTING}: required ${nodeEnv === 'production' ? 'in production' : 'with DATABASE_URL'} (a file outside the database with 32 random bytes, made with \`openssl rand -base64 32 > data.key\`): it encrypts incident narratives and person notes`,
    );
    return { kind: 'test' };
  }
  return { kind: 'file', file: path.join(dataDir, 'data.key'), create: true };
}

/** Reads and checks a key file: 32 bytes in base64 or hex. */
export function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataKeyError(
      `${DATA_KEY_SETTING}: die Schlüsseldatei ${file} ist nicht lesbar (${code}).`,
      `${DATA_KEY_SETTING}: the key file ${file} cannot be read (${code}).`,
    );
  }
  const key = parseKeyText(text);
  if (!key) {
    throw new DataKeyError(
      `${DATA_KEY_SETTING}: ${file} enthält keinen Schlüssel aus ${KEY_BYTES} Bytes in Base64 oder Hex (openssl rand -base64 32).`,
      `${DATA_KEY_SETTING}: ${file} holds no key of ${KEY_BYTES} bytes in base64 or hex (openssl rand -base64 32).`,
    );
  }
  return key;
}

/** The key-encryption key: from its file (made first on the embedded database), or the test key. */
export function loadDataKek(settings: DataKeySettings): Buffer {
  if (settings.kind === 'test') return TEST_DATA_KEY;
  if (settings.create && !fs.existsSync(settings.file)) {
    fs.mkdirSync(path.dirname(settings.file), { recursive: true });
    try {
      // `wx`: two processes starting at once never overwrite each other's key
      fs.writeFileSync(settings.file, `${newDataKey().toString('base64')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readKeyFile(settings.file);
}
