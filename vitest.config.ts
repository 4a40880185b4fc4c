import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests import the contracts' TypeScript source (export condition "source"), so no build is
// needed between a change there and a test run.
const resolve = { conditions: ['source', 'import', 'module', 'default'] };

/** Every API test file, relative to the repository root. */
function apiTests(dir = 'apps/api/src'): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiTests(file);
    return entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

// A test that starts the server or the CLI as a process.
const STARTS_A_PROCESS = /test-support\/processes|child_process/;
// A test that needs a database (PGlite or PostgreSQL) or the whole app.
const NEEDS_A_DATABASE =
  /test-support\/(test-app|test-database|shared-data|subject-requests)|from '(\.\.\/)*app\.js'|db\/database|electric-sql/;
const api = apiTests().map((file) => ({ file, source: fs.readFileSync(file, 'utf8') }));
/** Pure logic: no database, no process, no browser (`npm run test:fast`). */
const apiUnit = api
  .filter(({ source }) => !STARTS_A_PROCESS.test(source) && !NEEDS_A_DATABASE.test(source))
  .map(({ file }) => file);
const apiProcess = api
  .filter(({ source }) => STARTS_A_PROCESS.test(source))
  .map(({ file }) => file);

export default defineConfig({
  resolve,
  test: {
    // vitest's default on a 2-core machine is one worker (cores - 1): the suite then runs one
    // file at a time while most of it waits on a database. Two workers; the browser journeys
    // stay one file at a time (fileParallelism: false below: two at once took as long on two
    // cores, each journey twice as long).
    maxWorkers: 2,
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', ...apiUnit],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          exclude: [...apiUnit, ...apiProcess],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: 'process',
          include: apiProcess,
          environment: 'node',
          // These tests wait for the process's own signals (its ready line, its exit), never for
          // a time budget; this only stops a process that hangs, however busy the machine is.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        resolve,
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}', 'apps/web/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // A journey's own steps wait for what the page shows; these only end one that hangs
          // (the longest journey takes about 35 s on a quiet machine).
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
