import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { benchLookup, writeLookupResult } from '../bench/lookup.bench.js';

function positive(max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
    }
    return n;
  };
}

/**
 * Registers `zemag bench lookup --persons N [--database-url URL [--reuse]]` under `bench`: look-up
 * latency and HTTP throughput; writes bench/results/lookup-<engine>-<N>.json and prints the same
 * JSON. `--reuse` skips the load and asks the persons an earlier run left in the database.
 */
export function registerBenchLookupCommand(bench: Command) {
  bench
    .command('lookup')
    .description(
      'look-up latency (name + date of birth, name only, exact baseline) and HTTP look-ups/s with 8 clients',
    )
    .option('--persons <n>', 'synthetic listed persons to load', positive(5_000_000), 100_000)
    .option(
      '--database-url <url>',
      'an EMPTY PostgreSQL database to use instead of PGlite in memory',
    )
    .option(
      '--reuse',
      'with --database-url: ask the persons an earlier run loaded (at least --persons) instead of loading',
    )
    .option('--queries <n>', 'queries per measured kind', positive(100_000), 400)
    .option('--http-seconds <n>', 'how long the HTTP clients run', positive(600), 10)
    .option('--names-dir <dir>', 'folder with the gecko name lists', '../shared/data/names')
    .action(
      async (options: {
        persons: number;
        databaseUrl?: string;
        queries: number;
        httpSeconds: number;
        namesDir: string;
        reuse?: boolean;
      }) => {
        if (options.reuse && !options.databaseUrl) {
          throw new InvalidArgumentError('--reuse needs --database-url');
        }
        const result = await benchLookup({
          persons: options.persons,
          queries: options.queries,
          httpSeconds: options.httpSeconds,
          namesDir: options.namesDir,
          reuse: options.reuse ?? false,
          ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
          log: (line) => process.stderr.write(`${line}\n`),
        });
        const file = writeLookupResult(process.cwd(), result);
        process.stderr.write(`written to ${file}\n`);
        process.stdout.write(`${JSON.stringify(result)}\n`);
      },
    );
}
