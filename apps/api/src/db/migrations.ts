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
