// Builds what `npm start` and `npm run zemag` need, only when a source is newer than the
// build (a fresh clone builds once; later starts skip straight to the server).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const SOURCES = {
  api: [
    'packages/contracts/src',
    'packages/contracts/package.json',
    'apps/api/src',
    'apps/api/tsconfig.json',
  ],
  web: [
    'packages/contracts/src',
    'apps/web/src',
    'apps/web/public',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
  ],
};
const STAMPS = { api: 'apps/api/dist/.build-stamp', web: 'apps/web/dist/.build-stamp' };

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full))
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isStale(part) {
  const stamp = path.join(root, STAMPS[part]);
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCES[part].some((entry) => newestMtime(entry) > built);
}

function run(args) {
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Builds the given parts ('api', 'web') if they are missing or older than their sources. */
export function ensureBuilt(parts) {
  const stale = parts.filter(isStale);
  if (stale.length === 0) return;
  process.stderr.write(`Building ${stale.join(' and ')} …\n`);
  if (stale.includes('api')) run(['run', '-s', 'build:api']);
  if (stale.includes('web')) run(['run', '-s', 'build:web']);
  for (const part of stale)
    fs.writeFileSync(path.join(root, STAMPS[part]), new Date().toISOString());
}

/** Records that `part` was just built (called by the build scripts). */
export function stamp(part) {
  fs.writeFileSync(path.join(root, STAMPS[part]), new Date().toISOString());
}

if (process.argv[1] === import.meta.filename && process.argv[2] === '--stamp') {
  for (const part of process.argv.slice(3)) stamp(part);
}
