import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder of third-party test data shared by the team (`../shared/data` beside the
 * checkout). Found from ZEMAG_SHARED_DATA, else by walking up from this file to a sibling
 * `shared/data`, else at /work/shared/data (CI runs a clean clone elsewhere on this machine).
 * Missing data is an error, never a skipped test.
 */
export function sharedDataDir(): string {
  const fromEnv = process.env.ZEMAG_SHARED_DATA;
  if (fromEnv) return fromEnv;
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = path.join(dir, 'shared', 'data');
    if (existsSync(path.join(candidate, 'README.md'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fallback = '/work/shared/data';
  if (existsSync(fallback)) return fallback;
  throw new Error(
    'Shared test data not found: set ZEMAG_SHARED_DATA to the shared/data folder (see its README).',
  );
}

/** Reads a file below the shared data folder, e.g. `sharedDataFile('phonetics/cologne_vectors.csv')`. */
export function sharedDataFile(relative: string): string {
  return readFileSync(path.join(sharedDataDir(), relative), 'utf8');
}
