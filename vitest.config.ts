import { defineConfig } from 'vitest/config';

// Tests import the contracts' TypeScript source (export condition "source"), so no build is
// needed between a change there and a test run.
const resolve = { conditions: ['source', 'import', 'module', 'default'] };

export default defineConfig({
  resolve,
  test: {
    // vitest's default on a 2-core machine is one worker (cores - 1): the suite then runs one
    // file at a time while most of it waits on a database. Two workers; the browser journeys
    // stay one file at a time (fileParallelism: false below).
    maxWorkers: 2,
    projects: [
      {
        resolve,
        test: {
          name: 'unit+api',
          include: ['packages/*/src/**/*.test.ts', 'apps/api/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
