import fs from 'node:fs';
import path from 'node:path';

/**
 * Everything ZeMAG creates is for the user it runs as only: folders 0700, files 0600. The
 * server and the CLI set this umask first thing, so files the database creates later (tables,
 * WAL segments) are private from their first byte.
 */
export const PRIVATE_UMASK = 0o077;

export function usePrivateUmask() {
  process.umask(PRIVATE_UMASK);
}

/**
 * Takes group and other permissions away from `dir` and everything below it, and says how
 * many files and folders had them. Symbolic links are left alone (a chmod would change their
 * target). PGlite sets 0666 on the files of a new database and 0644 on its cache files at every
 * start, whatever the umask, so the folder is made private before and after each open.
 */
export function makePrivate(dir: string): { fixed: number } {
  let fixed = 0;
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      fs.chmodSync(entry, stat.mode & 0o700);
      fixed += 1;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    }
  };
  visit(dir);
  return { fixed };
}
