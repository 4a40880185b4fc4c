import path from 'node:path';
import type { Command } from 'commander';
import type { Db } from '../db/database.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import { loadDataKek, readKeyFile } from '../modules/encryption/data-key.settings.js';
import type { DataKeySettings } from '../modules/encryption/data-key.settings.js';
import { rotateDataKeys } from '../modules/encryption/keys-rotate.js';

export interface KeysCommandServices {
  audit: AuditService;
  auditChainer: { drain(): Promise<number> };
}

/**
 * Registers `zemag keys rotate --new-key-file FILE`: the data keys are wrapped under the new
 * key-encryption key, a new data key is made and every encrypted value sealed again under it;
 * prints `{"kek","rewrapped","new_data_key","resealed","retired"}` as its last line. The old
 * key comes from ZEMAG_DATA_KEY_FILE. Afterwards configure the new key and restart
 * (README "Encryption at rest"); on the embedded database the server must be stopped.
 */
export function registerKeysCommand(
  program: Command,
  withServices: <T>(
    run: (services: KeysCommandServices, db: Db, dataKey: DataKeySettings) => Promise<T>,
  ) => Promise<T>,
) {
  const keys = program.command('keys').description('the keys that encrypt narratives and notes');
  keys
    .command('rotate')
    .description(
      're-wrap the data keys under a new key (ZEMAG_DATA_KEY_FILE holds the old one) and re-encrypt every value under a new data key; safe to run again after an interruption; prints {"kek","rewrapped","new_data_key","resealed","retired"}',
    )
    .requiredOption(
      '--new-key-file <file>',
      'the new key: 32 bytes in base64 or hex (openssl rand -base64 32)',
    )
    .action(async (options: { newKeyFile: string }) => {
      // checked before the database is opened: a bad file changes nothing
      const newKek = readKeyFile(path.resolve(options.newKeyFile));
      const summary = await withServices(async (services, db, dataKey) => {
        const result = await rotateDataKeys({
          db,
          audit: services.audit,
          oldKek: loadDataKek(dataKey),
          newKek,
          now: () => new Date(),
        });
        await services.auditChainer.drain();
        return result;
      });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    });
}
