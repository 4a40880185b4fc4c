import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Shipped beside `src/` and `dist/`, so the same path works from source and from the build. */
export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, '../../migrations');

interface Journal {
  entries: { tag: string }[];
}

let cached: number | undefined;

/** Number of migrations this build ships (from drizzle's journal). */
export function countMigrationFiles(): number {
  if (cached === undefined) {
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
    ) as Journal;
    cached = journal.entries.length;
  }
  return cached;
}

/** A fingerprint of every shipped migration, e.g. to name a cached migrated template. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of fs
    .readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
