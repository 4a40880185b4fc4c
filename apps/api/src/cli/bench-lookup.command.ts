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
 * Registers `zemag bench lookup --persons N [--database-url URL]` under `bench`: look-up latency
 * and HTTP throughput; writes bench/results/lookup-<engine>-<N>.json and prints the same JSON.
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
      }) => {
        const result = await benchLookup({
          persons: options.persons,
          queries: options.queries,
          httpSeconds: options.httpSeconds,
          namesDir: options.namesDir,
          ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
          log: (line) => process.stderr.write(`${line}\n`),
        });
        const file = writeLookupResult(process.cwd(), result);
        process.stderr.write(`written to ${file}\n`);
        process.stdout.write(`${JSON.stringify(result)}\n`);
      },
    );
}
