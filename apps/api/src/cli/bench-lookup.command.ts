import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { benchLookup, DEFAULT_CURVE_THRESHOLDS, writeLookupResult } from '../bench/lookup.bench.js';
import { builtInNameLists, hasGeckoLists, loadNameLists } from '../bench/lookup.bench.data.js';

const DEFAULT_NAMES_DIR = '../shared/data/names';

function thresholdList(value: string) {
  const list = value.split(',').map(Number);
  if (list.length === 0 || list.some((n) => !Number.isFinite(n))) {
    throw new InvalidArgumentError('numbers separated by commas, e.g. 0.55,0.72,0.9');
  }
  return list;
}

/**
 * The name lists the bench draws from: the short built-in ones when asked for; the gecko lists
 * in `--names-dir`, which must then exist when it was given; by default the gecko lists in
 * ../shared/data/names if they are there, else the built-in ones (said so in `names_source`).
 */
export function chooseNameLists(options: {
  namesDir: string;
  namesDirGiven: boolean;
  builtInNames: boolean;
}) {
  if (options.builtInNames) {
    if (options.namesDirGiven) {
      throw new InvalidArgumentError('--built-in-names and --names-dir exclude each other');
    }
    return builtInNameLists();
  }
  if (options.namesDirGiven && !hasGeckoLists(path.resolve(options.namesDir))) {
    throw new InvalidArgumentError(
      `--names-dir ${options.namesDir}: no gecko_de_last_names.csv and gecko_de_given_names_gender.csv in ${path.resolve(options.namesDir)}`,
    );
  }
  return loadNameLists(options.namesDir);
}

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
 * latency and HTTP throughput, and what field staff are shown for present and absent persons;
 * writes bench/results/lookup-<engine>-<N>.json and prints the same JSON. `--reuse` skips the
 * load and asks the persons an earlier run left in the database.
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
    .option(
      '--names-dir <dir>',
      'folder with the gecko name lists (must exist when given; by default the short built-in lists are used when it is not found)',
      DEFAULT_NAMES_DIR,
    )
    .option(
      '--built-in-names',
      'draw from the short built-in name lists (10 family, 8 given names: a register full of namesakes)',
    )
    .option(
      '--thresholds <list>',
      'score thresholds of the operating curve, comma-separated',
      thresholdList,
      DEFAULT_CURVE_THRESHOLDS,
    )
    .action(
      async (
        options: {
          persons: number;
          databaseUrl?: string;
          queries: number;
          httpSeconds: number;
          namesDir: string;
          builtInNames?: boolean;
          thresholds: number[];
          reuse?: boolean;
        },
        command: Command,
      ) => {
        // Thrown inside an action, commander's argument errors would end the process silently.
        if (options.reuse && !options.databaseUrl)
          command.error('error: --reuse needs --database-url');
        let lists;
        try {
          lists = chooseNameLists({
            namesDir: options.namesDir,
            namesDirGiven: command.getOptionValueSource('namesDir') !== 'default',
            builtInNames: options.builtInNames ?? false,
          });
        } catch (error) {
          if (error instanceof InvalidArgumentError) command.error(`error: ${error.message}`);
          throw error;
        }
        const result = await benchLookup({
          persons: options.persons,
          queries: options.queries,
          httpSeconds: options.httpSeconds,
          lists,
          thresholds: options.thresholds,
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
